package de.eakte.audit.ledger.checkpoint;

import java.security.SecureRandom;

/** Repeatable "randomness" for key generation in tests: bytes seed, seed+1, seed+2, ... */
final class FixedRandom extends SecureRandom {

    private int next;

    FixedRandom(int seed) {
        this.next = seed;
    }

    @Override
    public void nextBytes(byte[] bytes) {
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) next++;
        }
    }
}
