package de.eakte.core.cases;

import de.eakte.core.shared.CitizenId;

/** Port: tells whether a citizen's file exists in the event store (not in a lagging projection). */
public interface CitizenRegistry {

    boolean exists(CitizenId citizenId);
}
