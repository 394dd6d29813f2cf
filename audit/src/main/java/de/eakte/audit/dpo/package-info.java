/**
 * The data-protection officer's tools over the DPO's view: the anomaly report's queries
 * ({@link de.eakte.audit.dpo.DpoAnomalies}, office hours as {@link de.eakte.audit.dpo.OfficeHours}),
 * the staff searches ({@link de.eakte.audit.dpo.DpoSearchLog}), and the list of re-identification
 * requests ({@link de.eakte.audit.dpo.ReIdentificationProjection}). Staff and DPOs appear as
 * pseudonyms; no staff subject is stored here. Rules: docs/dpo.md.
 */
package de.eakte.audit.dpo;
