package de.eakte.audit.ledger.tree;

import java.util.Collection;
import java.util.Map;

/**
 * Where stored perfect subtree hashes come from. One call is one batch read (the database store
 * answers it with one query), so proofs cost one round trip however large the tree.
 */
@FunctionalInterface
public interface NodeSource {

    /**
     * The stored hashes of the given addresses. An address the store does not hold is simply left
     * out of the map; the caller decides that this is an error and says which address was missing.
     */
    Map<NodeAddress, byte[]> read(Collection<NodeAddress> addresses);
}
