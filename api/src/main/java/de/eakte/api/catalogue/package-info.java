/**
 * REST endpoints of the catalogue: the reference data in force for every authenticated caller,
 * four-eyes purpose changes for admins, opinions on them for the DPO; and the read model that
 * lays approved purpose changes over the seeded defaults ({@link
 * de.eakte.api.catalogue.JdbcPurposeDirectory}, the {@code PurposeDirectory} the access policy
 * reads). Case types stay seeded.
 */
package de.eakte.api.catalogue;
