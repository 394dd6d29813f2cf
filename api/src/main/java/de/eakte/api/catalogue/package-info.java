/**
 * REST endpoints of the catalogue: the reference data in force for every authenticated caller,
 * four-eyes purpose, case-type and office changes for admins, opinions on them for the DPO; and
 * the read models that lay approved changes over the seeded defaults ({@link
 * de.eakte.api.catalogue.JdbcPurposeDirectory}, the {@code PurposeDirectory} the access policy
 * reads; {@link de.eakte.api.catalogue.JdbcCaseTypeDirectory}, the {@code CaseTypeDirectory} that
 * opening a case reads; {@link de.eakte.api.catalogue.JdbcOfficeDirectory}, the {@code
 * OfficeDirectory} new case types and purposes are checked against).
 */
package de.eakte.api.catalogue;
