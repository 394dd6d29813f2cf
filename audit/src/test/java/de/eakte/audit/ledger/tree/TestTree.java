package de.eakte.audit.ledger.tree;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A ledger of fixed leaves kept in memory the way the database keeps it: every perfect node the
 * frontier reported, nothing else. {@link #at(long)} shows the store as it was at a given size, so
 * a proof that peeks at a node from the future fails instead of silently passing.
 */
final class TestTree {

    /** The leaf inputs of the RFC 6962 / certificate-transparency reference tree. */
    static final List<byte[]> REFERENCE_INPUTS = List.of(
            hex(""), hex("00"), hex("10"), hex("2021"), hex("3031"), hex("40414243"),
            hex("5051525354555657"), hex("606162636465666768696a6b6c6d6e6f"));

    final List<byte[]> inputs;
    final List<byte[]> leafHashes = new ArrayList<>();
    final Map<NodeAddress, byte[]> nodes = new HashMap<>();
    final List<List<StoredNode>> appended = new ArrayList<>();
    final List<byte[]> roots = new ArrayList<>();   // roots.get(n) = root after n leaves

    TestTree(List<byte[]> inputs) {
        this.inputs = List.copyOf(inputs);
        MerkleFrontier frontier = MerkleFrontier.empty();
        roots.add(frontier.root());
        for (byte[] input : inputs) {
            byte[] leafHash = MerkleHashes.leaf(input);
            leafHashes.add(leafHash);
            List<StoredNode> completed = frontier.append(leafHash);
            appended.add(completed);
            for (StoredNode node : completed) {
                if (nodes.put(node.address(), node.hash()) != null) {
                    throw new AssertionError("node reported twice: " + node.address());
                }
            }
            roots.add(frontier.root());
        }
    }

    /** The RFC 6962 reference inputs first, then pseudo-random inputs of varying length (fixed seed). */
    static TestTree withLeaves(int count) {
        List<byte[]> inputs = new ArrayList<>(REFERENCE_INPUTS.subList(0, Math.min(count, REFERENCE_INPUTS.size())));
        Random random = new Random(9162);
        while (inputs.size() < count) {
            byte[] input = new byte[random.nextInt(40)];
            random.nextBytes(input);
            inputs.add(input);
        }
        return new TestTree(inputs);
    }

    /** The store as it stood when the tree had {@code size} leaves. */
    NodeSource at(long size) {
        return addresses -> {
            Map<NodeAddress, byte[]> found = new HashMap<>();
            for (NodeAddress address : addresses) {
                byte[] hash = nodes.get(address);
                if (hash != null && address.endLeaf() <= size) {
                    found.put(address, hash.clone());
                }
            }
            return found;
        };
    }

    /** Wraps a source and records every batch read. */
    static final class Counting implements NodeSource {
        final NodeSource inner;
        final List<List<NodeAddress>> calls = new ArrayList<>();

        Counting(NodeSource inner) {
            this.inner = inner;
        }

        @Override
        public Map<NodeAddress, byte[]> read(Collection<NodeAddress> addresses) {
            calls.add(List.copyOf(addresses));
            return inner.read(addresses);
        }
    }

    static byte[] hex(String hex) {
        return HexFormat.of().parseHex(hex);
    }

    static List<byte[]> hexList(String... hexes) {
        List<byte[]> list = new ArrayList<>();
        for (String h : hexes) {
            list.add(hex(h));
        }
        return list;
    }

    static String hexOf(List<byte[]> hashes) {
        StringBuilder out = new StringBuilder("[");
        for (byte[] hash : hashes) {
            out.append(out.length() > 1 ? ", " : "").append(HexFormat.of().formatHex(hash));
        }
        return out.append(']').toString();
    }
}
