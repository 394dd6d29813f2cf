/**
 * Four-eyes changes to the catalogue: an admin proposes to put (add or replace) or withdraw a
 * purpose of an office, to add or replace a case type of an office, or to add or rename an
 * office; a second admin approves or rejects it, and the DPO may attach an opinion at any time.
 * Owns the {@link de.eakte.core.catalogue.changes.PurposeChange}, {@link
 * de.eakte.core.catalogue.changes.CaseTypeChange} and {@link
 * de.eakte.core.catalogue.changes.OfficeChange} aggregates, their commands and events; nothing
 * is in force before its change is approved.
 */
package de.eakte.core.catalogue.changes;
