package de.eakte.core.citizens;

import de.eakte.core.crypto.Sealed;
import de.eakte.core.shared.CitizenId;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/** A fact that a citizen's master data was corrected; the new values (sealed) replace the old. */
@Revision("2")
public record MasterDataCorrected(CitizenId citizenId, Sealed masterData, Instant correctedAt) {
}
