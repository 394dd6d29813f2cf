/**
 * The citizen's file (Bürgerakte): master data, IdNr, current address and dated moves. Owns the
 * {@link de.eakte.core.citizens.CitizenFile} aggregate, its commands and events.
 */
package de.eakte.core.citizens;
