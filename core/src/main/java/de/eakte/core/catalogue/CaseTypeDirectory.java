package de.eakte.core.catalogue;

import de.eakte.core.shared.DomainRuleViolation;

import java.util.Collection;
import java.util.Optional;

/**
 * The case types in force, by code. A port: the seeded {@link Catalogue} is one, the application
 * lays the approved case-type changes over it.
 */
public interface CaseTypeDirectory {

    Optional<CaseType> caseType(CaseTypeCode code);

    Collection<CaseType> caseTypes();

    /** The case type in force, or the {@code case-type-unknown} refusal of a command naming it. */
    default CaseType requireCaseType(CaseTypeCode code) {
        return caseType(code).orElseThrow(() -> DomainRuleViolation.invalid("case-type-unknown", "caseType",
                "caseType " + code + " is not in the catalogue"));
    }
}
