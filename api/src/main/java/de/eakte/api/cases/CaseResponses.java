package de.eakte.api.cases;

import de.eakte.api.access.CitizenDataReads;
import de.eakte.api.citizens.CitizenResponses.AccessView;
import de.eakte.api.citizens.CitizenResponses.CaseSummaryView;
import de.eakte.core.cases.DocumentMetadata;
import de.eakte.core.file.GetCase;

import java.time.Instant;
import java.util.List;

/** Response bodies of the case endpoints. */
public final class CaseResponses {

    private CaseResponses() {
    }

    public record Created(String caseId, String fileReference, long version) {
    }

    public record EntryCreated(String caseId, String entryId, long version) {
    }

    public record Changed(String caseId, long version) {
    }

    public record DocumentView(String title, String mediaType, long sizeBytes, String sha256, Instant receivedAt) {
        static DocumentView of(DocumentMetadata d) {
            return d == null ? null : new DocumentView(d.title(), d.mediaType(), d.sizeBytes(), d.sha256(), d.receivedAt());
        }
    }

    public record EntryView(String entryId, String kind, String visibility, String text, DocumentView document,
                            Instant addedAt) {
    }

    public record CaseView(CaseSummaryView summary, String citizenId, String disposal, List<EntryView> entries,
                           AccessView access) {

        static CaseView of(CitizenDataReads.CaseRead read) {
            GetCase.Result r = read.detail();
            return new CaseView(CaseSummaryView.of(r.summary()), r.citizenId().toString(), r.disposal().name(),
                    read.entriesGranted() ? entries(r) : null, AccessView.of(read.decision()));
        }

        public static List<EntryView> entries(GetCase.Result r) {
            return r.entries().stream().map(e -> new EntryView(e.entryId().toString(), e.kind().name(),
                    e.visibility().name(), e.text(), DocumentView.of(e.document()), e.addedAt())).toList();
        }
    }
}
