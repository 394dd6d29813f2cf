package de.eakte.core.citizens;

import de.eakte.core.crypto.Sealed;
import de.eakte.core.shared.CitizenId;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/** A fact that the DPO gave an opinion on a pending erasure; the text is sealed under the citizen's key. */
@Revision("1")
public record ErasureOpinionGiven(CitizenId citizenId, Sealed opinion, Instant givenAt) {
}
