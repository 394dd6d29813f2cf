package de.eakte.core.file;

import de.eakte.core.cases.DocumentMetadata;
import de.eakte.core.cases.EntryKind;
import de.eakte.core.cases.Visibility;
import de.eakte.core.catalogue.DisposalKind;
import de.eakte.core.shared.CaseId;
import de.eakte.core.shared.EntryId;

import java.time.Instant;
import java.util.List;

/** Find one case with its entries, oldest entry first. */
public record GetCase(CaseId caseId) {

    public record Result(GetConsolidatedFile.CaseSummary summary, de.eakte.core.shared.CitizenId citizenId,
                         DisposalKind disposal, List<Entry> entries) {
    }

    public record Entry(EntryId entryId, EntryKind kind, Visibility visibility, String text,
                        DocumentMetadata document, Instant addedAt) {
    }
}
