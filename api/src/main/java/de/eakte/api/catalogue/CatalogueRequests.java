package de.eakte.api.catalogue;

import de.eakte.api.web.Requests;
import de.eakte.core.access.DataCategory;
import de.eakte.core.access.policy.Purpose;
import de.eakte.core.access.policy.PurposeCode;
import de.eakte.core.catalogue.changes.PurposeChangeKind;
import de.eakte.core.shared.InvalidValueException;
import de.eakte.core.shared.OfficeCode;
import de.eakte.core.shared.Values;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;

import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Request bodies of the catalogue endpoints: plain text in, typed values out. */
public final class CatalogueRequests {

    private CatalogueRequests() {
    }

    @Schema(description = "PUT adds or replaces a purpose of an office with the whole definition given; "
            + "WITHDRAW names office and code only.")
    public record PurposeChangeRequest(
            @Schema(example = "PUT", allowableValues = {"PUT", "WITHDRAW"}) String kind,
            @Schema(example = "33") String office,
            @Schema(example = "WAFFG-5", description = "capitals, digits and hyphens") String code,
            @Schema(example = "Zuverlässigkeitsprüfung für die Waffenbehörde", nullable = true) String name,
            @Schema(example = "WaffG § 5 Abs. 5", nullable = true) String legalBasis,
            @ArraySchema(schema = @Schema(allowableValues = {"MASTER_DATA", "ADDRESS_HISTORY", "CASE_SUMMARIES",
                    "CASE_ENTRIES"})) List<String> categories,
            @ArraySchema(schema = @Schema(example = "32")) List<String> caseOffices,
            @Schema(nullable = true, description = "sees cases of every office (never strictly confidential ones "
                    + "of other offices); default false") Boolean allOffices,
            @Schema(example = "Anfragen der Waffenbehörde nach WaffG § 5 Abs. 5") String reason) {

        PurposeChangeKind toKind() {
            return Requests.required("kind", Requests.enumValue("kind", PurposeChangeKind.class, kind));
        }

        OfficeCode toOffice() {
            return new OfficeCode(Requests.required("office", office));
        }

        PurposeCode toCode() {
            try {
                return new PurposeCode(Requests.required("code", code));
            } catch (InvalidValueException e) {
                if ("required".equals(e.rule())) {
                    throw e;
                }
                throw new InvalidValueException("code", e.rule(),
                        "code must be a purpose code of capitals, digits and hyphens such as BMG-34");
            }
        }

        /** The whole new purpose of a PUT. */
        Purpose toPurpose() {
            // checked here, not only in the aggregate: Purpose refuses nulls with a bare exception
            String checkedName = Values.requireText("name", name, Integer.MAX_VALUE);
            String checkedBasis = Values.requireText("legalBasis", legalBasis, Integer.MAX_VALUE);
            Set<DataCategory> categorySet = EnumSet.noneOf(DataCategory.class);
            for (String category : categories == null ? List.<String>of() : categories) {
                categorySet.add(Requests.required("categories",
                        Requests.enumValue("categories", DataCategory.class, category)));
            }
            Set<OfficeCode> officeSet = new HashSet<>();
            for (String caseOffice : caseOffices == null ? List.<String>of() : caseOffices) {
                try {
                    officeSet.add(new OfficeCode(caseOffice));
                } catch (InvalidValueException e) {
                    throw new InvalidValueException("caseOffices", e.rule(),
                            "caseOffices must be 2-3 digit office numbers such as 33");
                }
            }
            return new Purpose(toCode(), toOffice(), checkedName, checkedBasis, categorySet, officeSet,
                    Boolean.TRUE.equals(allOffices));
        }

        /** A WITHDRAW names what it withdraws and nothing else, so a mistaken kind is not silently ignored. */
        void requireNoDefinition() {
            if (name != null && !name.isBlank()) {
                throw noDefinition("name");
            }
            if (legalBasis != null && !legalBasis.isBlank()) {
                throw noDefinition("legalBasis");
            }
            if (categories != null && !categories.isEmpty()) {
                throw noDefinition("categories");
            }
            if (caseOffices != null && !caseOffices.isEmpty()) {
                throw noDefinition("caseOffices");
            }
            if (Boolean.TRUE.equals(allOffices)) {
                throw noDefinition("allOffices");
            }
        }

        private static InvalidValueException noDefinition(String field) {
            return new InvalidValueException(field, "withdrawal-has-no-definition",
                    "a WITHDRAW names office and code only; " + field + " belongs to a PUT");
        }
    }

    public record RejectionRequest(@Schema(example = "Die Rechtsgrundlage deckt die Kategorie CASE_ENTRIES nicht.")
                                   String reason) {
    }

    public record OpinionRequest(@Schema(example = "Keine Bedenken, sofern nur Meldedaten übermittelt werden.")
                                 String opinion) {
    }
}
