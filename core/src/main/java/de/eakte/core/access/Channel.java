package de.eakte.core.access;

/** Through which channel data left (or was refused). */
public enum Channel {
    REST, EXPORT, CLI
}
