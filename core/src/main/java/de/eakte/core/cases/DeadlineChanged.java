package de.eakte.core.cases;

import de.eakte.core.shared.CaseId;
import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.time.LocalDate;

/** A fact that a case's processing deadline was moved. */
@Revision("1")
public record DeadlineChanged(CaseId caseId, LocalDate deadline, Instant changedAt) {
}
