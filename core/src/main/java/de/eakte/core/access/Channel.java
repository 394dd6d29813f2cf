package de.eakte.core.access;

/** Through which channel data left (or was refused); SEARCH: a hit of a staff search (group query, BMG § 40). */
public enum Channel {
    REST, EXPORT, CLI, SEARCH
}
