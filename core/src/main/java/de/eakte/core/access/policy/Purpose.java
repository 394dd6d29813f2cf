package de.eakte.core.access.policy;

import de.eakte.core.access.DataCategory;
import de.eakte.core.shared.OfficeCode;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * One purpose of an office's catalogue: what it may be used for (its legal basis) and what it
 * may see: data categories, and the offices whose cases it may see ({@code allOffices} for every
 * office; strictly confidential cases of other offices never, whatever the purpose).
 */
public record Purpose(PurposeCode code, OfficeCode office, String name, String legalBasis,
                      Set<DataCategory> categories, Set<OfficeCode> caseOffices, boolean allOffices) {

    public Purpose {
        Objects.requireNonNull(code);
        Objects.requireNonNull(office);
        Objects.requireNonNull(name);
        Objects.requireNonNull(legalBasis);
        EnumSet<DataCategory> sorted = EnumSet.noneOf(DataCategory.class);
        sorted.addAll(categories);
        categories = Collections.unmodifiableSet(sorted);
        caseOffices = Set.copyOf(caseOffices);
    }

    /** Whether this purpose may see cases of the given office. */
    public boolean coversOffice(OfficeCode caseOffice) {
        return allOffices || caseOffices.contains(caseOffice);
    }
}
