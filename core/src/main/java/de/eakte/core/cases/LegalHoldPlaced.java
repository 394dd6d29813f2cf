package de.eakte.core.cases;

import de.eakte.core.shared.CaseId;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * A fact that a case was put under a legal hold: it must not be disposed of, nor its citizen
 * erased, until the hold is lifted. The reason names the proceedings (e.g. a court's file number);
 * it is stored plain, as it is about the case, not about a person.
 */
@Revision("1")
public record LegalHoldPlaced(CaseId caseId, String reason, Instant placedAt) {
}
