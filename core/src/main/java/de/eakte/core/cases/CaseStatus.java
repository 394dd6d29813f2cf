package de.eakte.core.cases;

import java.util.EnumSet;
import java.util.Set;

/** Where a case stands. CLOSED is "zu den Akten" (zdA): final, and the retention period starts. */
public enum CaseStatus {
    OPEN, IN_PROGRESS, WAITING_FOR_CITIZEN, DECIDED, CLOSED;

    /** The moves a case may make from this status. */
    public Set<CaseStatus> next() {
        return switch (this) {
            case OPEN -> EnumSet.of(IN_PROGRESS, CLOSED);
            case IN_PROGRESS -> EnumSet.of(WAITING_FOR_CITIZEN, DECIDED, CLOSED);
            case WAITING_FOR_CITIZEN -> EnumSet.of(IN_PROGRESS, CLOSED);
            // an objection (Widerspruch) takes a decided case back into processing
            case DECIDED -> EnumSet.of(IN_PROGRESS, CLOSED);
            case CLOSED -> EnumSet.noneOf(CaseStatus.class);
        };
    }

    public boolean canMoveTo(CaseStatus target) {
        return next().contains(target);
    }

    /** Whether the processing deadline still runs in this status. */
    public boolean isPending() {
        return this != DECIDED && this != CLOSED;
    }
}
