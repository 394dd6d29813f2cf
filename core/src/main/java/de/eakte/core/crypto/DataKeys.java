package de.eakte.core.crypto;

import javax.crypto.SecretKey;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The data keys: random 256-bit AES keys, one per {@link KeyId}, created on first use and
 * destroyable for good. Implementations keep them wrapped by a key-encryption key outside the
 * database and forget a destroyed key at once.
 */
public interface DataKeys {

    /** The key to seal with, created on first use; refuses a destroyed key. */
    SecretKey forSealing(KeyId id) throws KeyDestroyedException;

    /** The key to open with; empty once the key was destroyed. */
    Optional<SecretKey> forOpening(KeyId id);

    /**
     * Reads these keys ahead in one go, for the openings that follow (a batch of events being
     * projected: one look-up per batch instead of one per event). A hint only: keys it does not
     * find are looked up, and complained about, when opened.
     */
    default void prefetch(Collection<KeyId> ids) {
        // nothing to read ahead for keys held in memory
    }

    /** Destroys {@code root} and every key of its family; returns the keys destroyed by this call. */
    List<KeyId> destroyFamily(KeyId root);
}
