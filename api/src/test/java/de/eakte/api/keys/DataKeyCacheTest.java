package de.eakte.api.keys;

import de.eakte.core.crypto.KeyId;
import de.eakte.core.shared.CaseId;
import de.eakte.core.shared.CitizenId;
import org.junit.jupiter.api.Test;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class DataKeyCacheTest {

    private final AtomicLong now = new AtomicLong(1_000);
    private final DataKeyCache cache = new DataKeyCache(Duration.ofSeconds(60), 3, now::get);
    private final SecretKey key = new SecretKeySpec(new byte[32], "AES");

    @Test
    void anEntryLivesForItsTimeToLive() {
        KeyId id = KeyId.citizen(CitizenId.random());
        cache.put(id, key, cache.generation());

        now.addAndGet(Duration.ofSeconds(60).toNanos() - 1);
        assertThat(cache.get(id)).isNotNull();
        now.addAndGet(1);
        assertThat(cache.get(id)).isNull();
    }

    @Test
    void evictingAFamilyForgetsItsMembersOnly() {
        CitizenId citizen = CitizenId.random();
        KeyId root = KeyId.citizen(citizen);
        KeyId member = KeyId.ofCase(citizen, CaseId.random());
        KeyId stranger = KeyId.citizen(CitizenId.random());
        for (KeyId id : new KeyId[] {root, member, stranger}) {
            cache.put(id, key, cache.generation());
        }

        cache.evictFamily(root);

        assertThat(cache.get(root)).isNull();
        assertThat(cache.get(member)).isNull();
        assertThat(cache.get(stranger)).isNotNull();
    }

    @Test
    void aKeyReadBeforeAnEvictionIsNotCachedAfterIt() {
        KeyId id = KeyId.citizen(CitizenId.random());
        long readAt = cache.generation();
        cache.evictFamily(id); // e.g. destroyed while the reader's transaction was still open

        cache.put(id, key, readAt);

        assertThat(cache.get(id)).isNull();
    }

    @Test
    void staysBoundedWhenFull() {
        for (int i = 0; i < 10; i++) {
            cache.put(KeyId.citizen(CitizenId.random()), key, cache.generation());
        }
        assertThat(cache.size()).isLessThanOrEqualTo(3);
    }

    @Test
    void aDestroyedKeyIsRememberedAsDestroyed() {
        KeyId id = KeyId.citizen(CitizenId.random());
        cache.put(id, null, cache.generation());
        assertThat(cache.get(id).destroyed()).isTrue();
    }
}
