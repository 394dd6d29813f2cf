package de.eakte.core.retention;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * A fact that a person of records management confirmed a disposal list (first pair of eyes); the
 * confirmer is kept as a fingerprint only, enough to refuse them as approver.
 */
@Revision("1")
public record DisposalListConfirmed(DisposalListId listId, String confirmerFingerprint, Instant confirmedAt) {
}
