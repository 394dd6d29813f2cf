/**
 * The verifiable ledger: every stored event becomes one leaf of an RFC 9162 Merkle tree, read
 * from the event table in global-index order; signed checkpoints, inclusion and consistency
 * proofs, and the verifier that recomputes it all from the store.
 */
package de.eakte.audit.ledger;
