package de.eakte.api.catalogue;

import de.eakte.core.access.policy.Purpose;
import de.eakte.core.catalogue.CaseType;
import de.eakte.core.catalogue.Office;
import de.eakte.core.shared.OfficeCode;
import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;
import java.util.List;

/** Response bodies of the catalogue endpoints. */
public final class CatalogueResponses {

    private CatalogueResponses() {
    }

    public record CatalogueView(List<OfficeView> offices, List<CaseTypeView> caseTypes, List<PurposeView> purposes) {
    }

    public record OfficeView(String code, String name,
                             @Schema(nullable = true, description = "the approved change that put it in force; "
                                     + "null for a seeded default") String changeId,
                             @Schema(nullable = true) Instant inForceSince) {
        static OfficeView of(JdbcOfficeDirectory.InForce inForce) {
            Office office = inForce.office();
            return new OfficeView(office.code().value(), office.name(),
                    inForce.changeId() == null ? null : inForce.changeId().toString(), inForce.since());
        }
    }

    public record CaseTypeView(String code, String office, String name, String filePlanKey, int targetDays,
                               String confidentiality, int retentionYears, String disposal, String retentionBasis,
                               @Schema(nullable = true, description = "the approved change that put it in force; "
                                       + "null for a seeded default") String changeId,
                               @Schema(nullable = true) Instant inForceSince) {
        static CaseTypeView of(JdbcCaseTypeDirectory.InForce inForce) {
            CaseType t = inForce.caseType();
            return new CaseTypeView(t.code().value(), t.office().value(), t.name(), t.filePlanKey(), t.targetDays(),
                    t.confidentiality().name(), t.retentionYears(), t.disposal().name(), t.retentionBasis(),
                    inForce.changeId() == null ? null : inForce.changeId().toString(), inForce.since());
        }
    }

    public record PurposeView(
            String office, String code, String name, String legalBasis, List<String> categories,
            List<String> caseOffices, boolean allOffices,
            @Schema(nullable = true, description = "the approved change that put it in force; null for a seeded default")
            String changeId,
            @Schema(nullable = true) Instant inForceSince) {

        static PurposeView of(JdbcPurposeDirectory.InForce inForce) {
            Purpose p = inForce.purpose();
            return new PurposeView(p.office().value(), p.code().value(), p.name(), p.legalBasis(),
                    p.categories().stream().map(Enum::name).toList(),
                    p.caseOffices().stream().map(OfficeCode::value).sorted().toList(), p.allOffices(),
                    inForce.changeId() == null ? null : inForce.changeId().toString(), inForce.since());
        }
    }

    public record Created(String changeId, String status) {
    }

    public record Decided(String changeId, String status) {
    }

    public record OpinionAttached(String changeId) {
    }

    public record DpoOpinionView(String opinion, String by, Instant at) {
    }

    public record ChangeView(String changeId, String kind, String status, String office, String code, String name,
                             String legalBasis, List<String> categories, List<String> caseOffices, boolean allOffices,
                             String reason, String proposedBy, Instant proposedAt,
                             @Schema(nullable = true) String decidedBy, @Schema(nullable = true) Instant decidedAt,
                             @Schema(nullable = true) String rejectionReason,
                             @Schema(nullable = true, description = "the DPO's latest opinion") DpoOpinionView dpoOpinion) {

        static ChangeView of(PurposeCatalogueProjection.ChangeRow r) {
            return new ChangeView(r.changeId().toString(), r.kind().name(), r.status().name(), r.office(), r.code(),
                    r.name(), r.legalBasis(), r.categories(), r.caseOffices(), r.allOffices(), r.reason(),
                    r.proposedBy(), r.proposedAt(), r.decidedBy(), r.decidedAt(), r.rejectionReason(),
                    r.dpoOpinion() == null ? null : new DpoOpinionView(r.dpoOpinion(), r.dpoOpinionBy(), r.dpoOpinionAt()));
        }
    }

    public record CaseTypeChangeView(String changeId, String status, String code, String office, String name,
                                     String filePlanKey, int targetDays, String confidentiality, int retentionYears,
                                     String disposal, String retentionBasis, String reason, String proposedBy,
                                     Instant proposedAt, @Schema(nullable = true) String decidedBy,
                                     @Schema(nullable = true) Instant decidedAt,
                                     @Schema(nullable = true) String rejectionReason,
                                     @Schema(nullable = true, description = "the DPO's latest opinion")
                                     DpoOpinionView dpoOpinion) {

        static CaseTypeChangeView of(CaseTypeCatalogueProjection.ChangeRow r) {
            return new CaseTypeChangeView(r.changeId().toString(), r.status().name(), r.code(), r.office(), r.name(),
                    r.filePlanKey(), r.targetDays(), r.confidentiality(), r.retentionYears(), r.disposal(),
                    r.retentionBasis(), r.reason(), r.proposedBy(), r.proposedAt(), r.decidedBy(), r.decidedAt(),
                    r.rejectionReason(),
                    r.dpoOpinion() == null ? null : new DpoOpinionView(r.dpoOpinion(), r.dpoOpinionBy(), r.dpoOpinionAt()));
        }
    }

    public record OfficeChangeView(String changeId, String kind, String status, String code, String name,
                                   String reason, String proposedBy, Instant proposedAt,
                                   @Schema(nullable = true) String decidedBy,
                                   @Schema(nullable = true) Instant decidedAt,
                                   @Schema(nullable = true) String rejectionReason,
                                   @Schema(nullable = true, description = "the DPO's latest opinion")
                                   DpoOpinionView dpoOpinion) {

        static OfficeChangeView of(OfficeCatalogueProjection.ChangeRow r) {
            return new OfficeChangeView(r.changeId().toString(), r.kind().name(), r.status().name(), r.code(),
                    r.name(), r.reason(), r.proposedBy(), r.proposedAt(), r.decidedBy(), r.decidedAt(),
                    r.rejectionReason(),
                    r.dpoOpinion() == null ? null : new DpoOpinionView(r.dpoOpinion(), r.dpoOpinionBy(), r.dpoOpinionAt()));
        }
    }

    public record OfficeChangePage(List<OfficeChangeView> items,
                                   @Schema(nullable = true, description = "pass as cursor for the next page; null on the last")
                                   String nextCursor) {
    }

    public record CaseTypeChangePage(List<CaseTypeChangeView> items,
                                     @Schema(nullable = true, description = "pass as cursor for the next page; null on the last")
                                     String nextCursor) {
    }

    public record ChangePage(List<ChangeView> items,
                             @Schema(nullable = true, description = "pass as cursor for the next page; null on the last")
                             String nextCursor) {
    }
}
