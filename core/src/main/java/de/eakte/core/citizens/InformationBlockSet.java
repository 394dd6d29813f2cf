package de.eakte.core.citizens;

import de.eakte.core.access.policy.InformationBlock;
import de.eakte.core.shared.CitizenId;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/** A fact that a citizen's file was put under an information block of the given kind. */
@Revision("1")
public record InformationBlockSet(CitizenId citizenId, InformationBlock kind, Instant setAt) {
}
