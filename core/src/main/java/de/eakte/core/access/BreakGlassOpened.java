package de.eakte.core.access;

import de.eakte.core.crypto.KeyId;
import de.eakte.core.crypto.Sealed;
import de.eakte.core.shared.CitizenId;
import de.eakte.core.shared.OfficeCode;
import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.UUID;

/**
 * A fact that someone opened an emergency (break-glass) grant for one citizen until
 * {@code expiresAt}, with their justification; it awaits the DPO's review. The person and the
 * justification (free text, which may name the citizen's circumstances) are sealed under the
 * access-period key of the month it was opened ({@link KeyId#accessPeriod}), with the grant id as
 * the associated id, so they go when that period's access entries go.
 */
@Revision("2")
public record BreakGlassOpened(UUID grantId, CitizenId citizenId, String actorRole, Sealed actorSubject,
                               OfficeCode actorOffice, Sealed justification, Instant openedAt, Instant expiresAt) {

    /** The key the person and the justification are sealed under. */
    public KeyId sealedWith() {
        return actorSubject.key();
    }
}
