package de.eakte.core.catalogue;

import de.eakte.core.shared.OfficeCode;

/** An office (Amt) and its name. */
public record Office(OfficeCode code, String name) {
}
