/**
 * Four-eyes changes to the purposes catalogue: an admin proposes to put (add or replace) or
 * withdraw a purpose of an office, a second admin approves or rejects it, and the DPO may attach
 * an opinion at any time. Owns the {@link de.eakte.core.catalogue.changes.PurposeChange}
 * aggregate, its commands and events; a purpose is in force only once its change is approved.
 */
package de.eakte.core.catalogue.changes;
