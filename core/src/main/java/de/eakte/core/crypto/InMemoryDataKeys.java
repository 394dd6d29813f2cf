package de.eakte.core.crypto;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Data keys held in memory only: for tests and tools that never persist events. Keys come from
 * the given random source, so a seeded source gives reproducible ciphertexts.
 */
public final class InMemoryDataKeys implements DataKeys {

    private final Random random;
    private final Map<KeyId, SecretKey> keys = new ConcurrentHashMap<>();
    private final Set<KeyId> destroyed = ConcurrentHashMap.newKeySet();

    public InMemoryDataKeys(Random random) {
        this.random = random;
    }

    @Override
    public synchronized SecretKey forSealing(KeyId id) {
        if (destroyed.contains(id)) {
            throw new KeyDestroyedException(id);
        }
        return keys.computeIfAbsent(id, k -> {
            byte[] bytes = new byte[32];
            random.nextBytes(bytes);
            return new SecretKeySpec(bytes, "AES");
        });
    }

    @Override
    public Optional<SecretKey> forOpening(KeyId id) {
        if (destroyed.contains(id)) {
            return Optional.empty();
        }
        SecretKey key = keys.get(id);
        if (key == null) {
            throw new IllegalStateException("no data key " + id);
        }
        return Optional.of(key);
    }

    @Override
    public synchronized List<KeyId> destroyFamily(KeyId root) {
        List<KeyId> gone = new ArrayList<>();
        for (KeyId id : List.copyOf(keys.keySet())) {
            if (id.isInFamilyOf(root)) {
                keys.remove(id);
                destroyed.add(id);
                gone.add(id);
            }
        }
        destroyed.add(root);
        return gone;
    }
}
