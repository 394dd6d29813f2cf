package de.eakte.core.citizens;

import de.eakte.core.shared.CitizenId;
import de.eakte.core.shared.Role;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * A fact that erasure of a citizen's data was requested (GDPR Art. 17), by the citizen or by staff;
 * {@code staffSubject} names the staff member (null when the citizen asked), so they cannot decide it.
 */
@Revision("1")
public record ErasureRequested(CitizenId citizenId, Role requestedBy, String staffSubject, Instant requestedAt) {
}
