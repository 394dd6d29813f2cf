/**
 * The ledger's Merkle tree, exactly as RFC 9162 §2.1 defines it, without storage or framework:
 * hashes, the appender's O(log n) frontier, inclusion and consistency proofs computed from stored
 * perfect subtree hashes in one batch read, and a verifier that anyone can reimplement from the RFC.
 */
package de.eakte.audit.ledger.tree;
