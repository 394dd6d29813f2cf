package de.eakte.audit.ledger.tree;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/** The hash of one perfect subtree, as the store keeps it. */
public record StoredNode(NodeAddress address, byte[] hash) {

    public StoredNode {
        Objects.requireNonNull(address, "address");
        hash = MerkleHashes.checkHash(hash, "hash of " + address).clone();
    }

    @Override
    public byte[] hash() {
        return hash.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof StoredNode that && address.equals(that.address) && Arrays.equals(hash, that.hash);
    }

    @Override
    public int hashCode() {
        return 31 * address.hashCode() + Arrays.hashCode(hash);
    }

    @Override
    public String toString() {
        return "StoredNode[" + address + ", " + HexFormat.of().formatHex(hash) + "]";
    }
}
