package de.eakte.core.shared;

import java.time.ZoneId;

/** The administration's calendar: deadlines and closing years are dates in Germany. */
public final class Zones {

    public static final ZoneId ADMINISTRATION = ZoneId.of("Europe/Berlin");

    private Zones() {
    }
}
