package de.eakte.core.retention;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * A fact that a second person approved a confirmed disposal list; the outcome of each of its cases
 * follows as its own event in the same transaction.
 */
@Revision("1")
public record DisposalListApproved(DisposalListId listId, Instant approvedAt) {
}
