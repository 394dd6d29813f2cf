/**
 * Signed checkpoints of the ledger: the C2SP tlog-checkpoint text (origin, tree size, root hash,
 * plus one extension line with the time) inside a C2SP signed note, signed with Ed25519 through
 * BouncyCastle; strict parsing and verification against a note verifier key; and the key files.
 * The exact text form is in {@code docs/ledger.md}, section "Checkpoints".
 */
package de.eakte.audit.ledger.checkpoint;
