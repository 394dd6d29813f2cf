package de.eakte.api.catalogue;

import de.eakte.api.web.Requests;
import de.eakte.core.catalogue.changes.OfficeChangeId;
import de.eakte.core.catalogue.changes.OfficeChangeKind;
import de.eakte.core.catalogue.changes.ProposeOfficeChange;
import de.eakte.core.shared.Actor;
import de.eakte.core.shared.InvalidValueException;
import de.eakte.core.shared.OfficeCode;
import io.swagger.v3.oas.annotations.media.Schema;

/** Request body of an office change: plain text in, typed values out; the aggregate checks the rest. */
@Schema(description = "ADD brings in an office under a new number, RENAME renames an office in force.")
public record OfficeChangeRequest(
        @Schema(example = "ADD", allowableValues = {"ADD", "RENAME"}) String kind,
        @Schema(example = "37", description = "2-3 digit office number") String code,
        @Schema(example = "Fahrerlaubnisbehörde") String name,
        @Schema(example = "Die Fahrerlaubnisbehörde wird ein eigenes Amt.") String reason) {

    /** The command under the id drawn once the idempotency key is claimed. */
    ProposeOfficeChange toCommand(OfficeChangeId changeId, Actor actor) {
        OfficeChangeKind checkedKind = Requests.required("kind", Requests.enumValue("kind", OfficeChangeKind.class, kind));
        OfficeCode office;
        try {
            office = new OfficeCode(Requests.required("code", code));
        } catch (InvalidValueException e) {
            if ("required".equals(e.rule())) {
                throw e;
            }
            throw new InvalidValueException("code", e.rule(), "code must be a 2-3 digit office number such as 37");
        }
        return new ProposeOfficeChange(changeId, checkedKind, office, name, reason, actor);
    }
}
