package de.eakte.api.catalogue;

import de.eakte.api.web.Requests;
import de.eakte.core.catalogue.CaseTypeCode;
import de.eakte.core.catalogue.Confidentiality;
import de.eakte.core.catalogue.DisposalKind;
import de.eakte.core.catalogue.changes.CaseTypeChangeId;
import de.eakte.core.catalogue.changes.ProposeCaseTypeChange;
import de.eakte.core.shared.Actor;
import de.eakte.core.shared.InvalidValueException;
import de.eakte.core.shared.OfficeCode;
import io.swagger.v3.oas.annotations.media.Schema;

/** Request body of a case-type change: plain text in, typed values out; the aggregate checks the rest. */
@Schema(description = "Adds a case type to an office, or replaces one of its case types with the whole definition "
        + "given (the code names it).")
public record CaseTypeChangeRequest(
        @Schema(example = "driving-licence", description = "lower case, digits and hyphens") String code,
        @Schema(example = "36") String office,
        @Schema(example = "Fahrerlaubnis") String name,
        @Schema(example = "142.20") String filePlanKey,
        @Schema(example = "14") Integer targetDays,
        @Schema(example = "NORMAL", allowableValues = {"NORMAL", "CONFIDENTIAL", "STRICTLY_CONFIDENTIAL"})
        String confidentiality,
        @Schema(example = "15") Integer retentionYears,
        @Schema(example = "V", allowableValues = {"A", "B", "V"}) String disposal,
        @Schema(example = "FeV § 61") String retentionBasis,
        @Schema(example = "Die Führerscheinstelle wird der Zulassungsstelle angegliedert.") String reason) {

    /** The command under the id drawn once the idempotency key is claimed. */
    ProposeCaseTypeChange toCommand(CaseTypeChangeId changeId, Actor actor) {
        CaseTypeCode typeCode;
        try {
            typeCode = new CaseTypeCode(Requests.required("code", code));
        } catch (InvalidValueException e) {
            if ("required".equals(e.rule())) {
                throw e;
            }
            throw new InvalidValueException("code", e.rule(), "code must be a lower-case code such as driving-licence");
        }
        return new ProposeCaseTypeChange(changeId, typeCode, new OfficeCode(Requests.required("office", office)),
                name, filePlanKey, targetDays,
                Requests.required("confidentiality",
                        Requests.enumValue("confidentiality", Confidentiality.class, confidentiality)),
                retentionYears, Requests.required("disposal", Requests.enumValue("disposal", DisposalKind.class, disposal)),
                retentionBasis, reason, actor);
    }
}
