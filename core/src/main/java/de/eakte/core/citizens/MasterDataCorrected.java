package de.eakte.core.citizens;

import de.eakte.core.shared.CitizenId;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/** A fact that a citizen's master data was corrected; the new values replace the old. */
@Revision("1")
public record MasterDataCorrected(CitizenId citizenId, MasterData masterData, Instant correctedAt) {
}
