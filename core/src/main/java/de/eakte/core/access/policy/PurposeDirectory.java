package de.eakte.core.access.policy;

import de.eakte.core.shared.OfficeCode;

import java.util.List;
import java.util.Optional;

/** Port: the purposes in force per office (seeded defaults plus approved catalogue changes). */
public interface PurposeDirectory {

    Optional<Purpose> find(OfficeCode office, PurposeCode code);

    List<Purpose> of(OfficeCode office);
}
