package de.eakte.core.citizens;

import de.eakte.core.shared.CitizenId;
import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A fact that a retention period still binds, so the citizen's data is restricted instead of
 * erased (GDPR Art. 17(3)(b), Art. 18): only break-glass sees it. {@code earliestErasureOn} is null
 * while a case is still open or under a legal hold (no date can be promised yet).
 */
@Revision("1")
public record ProcessingRestricted(CitizenId citizenId, LocalDate earliestErasureOn, Instant restrictedAt) {
}
