/**
 * The ledger at the edge: the appender's thread, the signing key (created under the data
 * directory on first start, or loaded from a PEM file kept off the database host), and the
 * checkpoint, proof and key endpoints.
 */
package de.eakte.api.ledger;
