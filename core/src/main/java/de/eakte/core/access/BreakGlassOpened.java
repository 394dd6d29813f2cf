package de.eakte.core.access;

import de.eakte.core.shared.CitizenId;
import de.eakte.core.shared.OfficeCode;
import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.UUID;

/**
 * A fact that someone opened an emergency (break-glass) grant for one citizen until
 * {@code expiresAt}, with their justification; it awaits the DPO's review.
 */
@Revision("1")
public record BreakGlassOpened(UUID grantId, CitizenId citizenId, String actorRole, String actorSubject,
                               OfficeCode actorOffice, String justification, Instant openedAt, Instant expiresAt) {
}
