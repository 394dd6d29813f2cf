package de.eakte.core.catalogue;

import de.eakte.core.shared.OfficeCode;

import java.util.Collection;
import java.util.Optional;

/**
 * The offices in force, by code. A port: the seeded {@link Catalogue} is one, the application lays
 * the approved office changes over it.
 */
public interface OfficeDirectory {

    Optional<Office> office(OfficeCode code);

    Collection<Office> offices();
}
