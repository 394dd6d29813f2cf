/**
 * Endpoints of the data-protection officer: the access log and its CSV export, the staff searches,
 * the anomaly report, the break-glass review queue, and re-identification of staff pseudonyms with
 * four eyes ({@link de.eakte.api.dpo.StaffSubjects} reads the staff member back from the event
 * store, never from a table of subjects). Rules: docs/dpo.md.
 */
package de.eakte.api.dpo;
