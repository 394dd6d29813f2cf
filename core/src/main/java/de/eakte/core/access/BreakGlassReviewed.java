package de.eakte.core.access;

import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.UUID;

/** A fact that a break-glass grant was reviewed, by someone other than who opened it, with a verdict. */
@Revision("1")
public record BreakGlassReviewed(UUID grantId, String reviewerSubject, String verdict, String note, Instant reviewedAt) {
}
