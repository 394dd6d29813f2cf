package de.eakte.api.retention;

import de.eakte.core.retention.DisposalCandidate;
import de.eakte.projections.retention.DisposalListProjection;
import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;

/** Response bodies of the disposal-list endpoints: file references, offices, kinds and dates, never names. */
public final class DisposalListResponses {

    private DisposalListResponses() {
    }

    @Schema(description = "A case on a disposal list; outcome is null until the list is approved")
    public record CaseLine(String caseId, String citizenId, String fileReference, String office,
                           @Schema(allowableValues = {"A", "B", "V"}) String disposal, String retentionEndsOn,
                           @Schema(nullable = true, allowableValues = {"DESTROYED", "APPRAISAL", "ARCHIVE", "SKIPPED"}) String outcome,
                           @Schema(nullable = true) String skipReason,
                           @Schema(nullable = true) Integer destroyedKeys,
                           @Schema(nullable = true) String decidedAt) {

        static CaseLine of(DisposalCandidate c) {
            return new CaseLine(c.caseId().toString(), c.citizenId().toString(), c.fileReference().toString(),
                    c.office().value(), c.disposal().name(), c.retentionEndsOn().toString(), null, null, null, null);
        }

        static CaseLine of(DisposalListProjection.CaseRow r) {
            return new CaseLine(r.caseId().toString(), r.citizenId().toString(), r.fileReference().toString(),
                    r.office().value(), r.disposal().name(), r.retentionEndsOn().toString(),
                    r.outcome() == null ? null : r.outcome().name(), r.skipReason(), r.destroyedKeys(),
                    r.decidedAt() == null ? null : r.decidedAt().toString());
        }
    }

    @Schema(description = "The result of drawing up: listId null and no cases when nothing was due")
    public record DrawnUp(@Schema(nullable = true) String listId, List<CaseLine> cases) {
    }

    public record ListSummary(String listId,
                              @Schema(allowableValues = {"DRAWN_UP", "CONFIRMED", "APPROVED"}) String status,
                              @Schema(allowableValues = {"SCHEDULE", "REQUEST"}) String trigger,
                              String drawnUpOn, String drawnUpAt, @Schema(nullable = true) String confirmedAt,
                              @Schema(nullable = true) String approvedAt, int caseCount) {

        static ListSummary of(DisposalListProjection.ListRow r) {
            return new ListSummary(r.listId().toString(), r.status().name(), r.trigger().name(),
                    r.drawnUpOn().toString(), r.drawnUpAt().toString(),
                    r.confirmedAt() == null ? null : r.confirmedAt().toString(),
                    r.approvedAt() == null ? null : r.approvedAt().toString(), r.caseCount());
        }
    }

    public record ListPage(List<ListSummary> lists, @Schema(nullable = true) String nextCursor) {
    }

    public record ListDetail(ListSummary list, List<CaseLine> cases) {
    }

    public record Decided(String listId, String status) {
    }
}
