package de.eakte.core.crypto;

import java.security.SecureRandom;

/** Fills GCM nonces; random in production, replaceable so pinned event forms stay testable. */
@FunctionalInterface
public interface NonceSource {

    void fill(byte[] nonce);

    static NonceSource secureRandom() {
        SecureRandom random = new SecureRandom();
        return random::nextBytes;
    }
}
