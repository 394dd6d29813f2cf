package de.eakte.core.cases;

import de.eakte.core.shared.CaseId;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/** A fact that a case's legal hold was lifted, with the reason; retention and disposal apply again. */
@Revision("1")
public record LegalHoldLifted(CaseId caseId, String reason, Instant liftedAt) {
}
