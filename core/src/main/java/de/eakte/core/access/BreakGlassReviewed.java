package de.eakte.core.access;

import de.eakte.core.crypto.Sealed;
import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.UUID;

/**
 * A fact that a break-glass grant was reviewed, by someone other than who opened it, with a
 * verdict. The reviewer and the note are sealed under the key of the grant they review (see
 * {@link BreakGlassOpened}), with the grant id as the associated id.
 */
@Revision("2")
public record BreakGlassReviewed(UUID grantId, Sealed reviewerSubject, String verdict, Sealed note,
                                 Instant reviewedAt) {
}
