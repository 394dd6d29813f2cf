package de.eakte.core.cases;

/** Whether the citizen sees an entry in their own view of the case. */
public enum Visibility {
    INTERNAL, CITIZEN
}
