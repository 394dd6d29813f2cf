package de.eakte.core.citizens;

import de.eakte.core.crypto.Sealed;
import de.eakte.core.shared.CitizenId;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/** A fact that the controller rejected a pending erasure; the reason is sealed under the citizen's key. */
@Revision("1")
public record ErasureRejected(CitizenId citizenId, Sealed reason, Instant rejectedAt) {
}
