package de.eakte.core.retention;

/** What drew a disposal list up: the daily schedule (or the sub-command), or a person's request. */
public enum DrawUpTrigger {
    SCHEDULE, REQUEST
}
