package de.eakte.core.access.policy;

import de.eakte.core.catalogue.Catalogue;
import de.eakte.core.shared.OfficeCode;

import java.util.List;
import java.util.Optional;

/** The purposes port over the seeded defaults of the seeded catalogue, as a test needs it. */
final class SeededPurposeDirectory implements PurposeDirectory {

    private final List<Purpose> purposes = DefaultPurposes.of(Catalogue.defaults());

    @Override
    public Optional<Purpose> find(OfficeCode office, PurposeCode code) {
        return purposes.stream().filter(p -> p.office().equals(office) && p.code().equals(code)).findFirst();
    }

    @Override
    public List<Purpose> of(OfficeCode office) {
        return purposes.stream().filter(p -> p.office().equals(office)).toList();
    }
}
