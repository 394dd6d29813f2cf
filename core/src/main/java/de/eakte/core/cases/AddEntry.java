package de.eakte.core.cases;

import de.eakte.core.shared.Actor;
import de.eakte.core.shared.CaseId;
import de.eakte.core.shared.EntryId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Add a note, letter or document to a case. */
public record AddEntry(@TargetAggregateIdentifier CaseId caseId, EntryId entryId, EntryKind kind,
                       Visibility visibility, String text, DocumentMetadata document, Actor actor,
                       @TargetAggregateVersion Long expectedVersion) {
}
