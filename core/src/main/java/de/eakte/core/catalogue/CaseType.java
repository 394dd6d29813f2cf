package de.eakte.core.catalogue;

import de.eakte.core.shared.OfficeCode;

import java.util.Objects;

/**
 * One entry of an office's catalogue: what kind of case it is, under which file-plan key its
 * references are drawn, how long processing should take, and how long the closed file is kept.
 */
public record CaseType(
        CaseTypeCode code,
        OfficeCode office,
        String name,
        String filePlanKey,
        int targetDays,
        Confidentiality confidentiality,
        int retentionYears,
        DisposalKind disposal,
        String retentionBasis) {

    public CaseType {
        Objects.requireNonNull(code);
        Objects.requireNonNull(office);
        Objects.requireNonNull(confidentiality);
        Objects.requireNonNull(disposal);
        if (!FileReferenceParts.isFilePlanKey(filePlanKey)) {
            throw new IllegalArgumentException("bad file-plan key " + filePlanKey);
        }
        if (targetDays < 1 || retentionYears < 0) {
            throw new IllegalArgumentException("target days and retention years must be positive");
        }
    }
}
