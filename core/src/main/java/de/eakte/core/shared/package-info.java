/**
 * Typed ids and small values shared by every feature: citizen, case and entry ids, office codes,
 * the acting {@link de.eakte.core.shared.Actor}, and the two domain error types the edge maps to
 * problem responses.
 */
package de.eakte.core.shared;
