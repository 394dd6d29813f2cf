/**
 * Cases (Vorgänge): opened by an office for a citizen under a file reference (Aktenzeichen),
 * with entries, a status machine, a processing deadline and a retention rule. Owns the
 * {@link de.eakte.core.cases.Case} aggregate, its commands, events and the ports it needs.
 */
package de.eakte.core.cases;
