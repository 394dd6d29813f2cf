/**
 * Four-eyes changes to the catalogue: an admin proposes to put (add or replace) or withdraw a
 * purpose of an office, or to add or replace a case type of an office; a second admin approves or
 * rejects it, and the DPO may attach an opinion at any time. Owns the {@link
 * de.eakte.core.catalogue.changes.PurposeChange} and {@link
 * de.eakte.core.catalogue.changes.CaseTypeChange} aggregates, their commands and events; nothing
 * is in force before its change is approved. Offices stay as seeded.
 */
package de.eakte.core.catalogue.changes;
