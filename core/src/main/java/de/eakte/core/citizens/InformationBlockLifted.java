package de.eakte.core.citizens;

import de.eakte.core.shared.CitizenId;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/** A fact that the information block of a citizen's file was lifted. */
@Revision("1")
public record InformationBlockLifted(CitizenId citizenId, Instant liftedAt) {
}
