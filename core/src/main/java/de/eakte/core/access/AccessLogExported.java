package de.eakte.core.access;

import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.UUID;

/**
 * A fact that the data-protection officer exported the access log: who, when, with which filters
 * (as given, in a canonical text form) and how many rows the export held. Stored before the rows left.
 */
@Revision("1")
public record AccessLogExported(UUID exportId, Instant at, String dpoSubject, String filters, long rowCount) {
}
