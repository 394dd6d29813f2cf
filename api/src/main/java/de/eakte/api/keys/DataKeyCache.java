package de.eakte.api.keys;

import de.eakte.core.crypto.KeyId;

import javax.crypto.SecretKey;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Unwrapped data keys (and the knowledge that a key is destroyed) for a bounded time. A key
 * destroyed here is forgotten at once; one destroyed by another instance is forgotten here after
 * at most the time to live. Every family eviction moves a generation counter: a key read before
 * an eviction and put afterwards (a put waits for its transaction's commit) is dropped again.
 */
final class DataKeyCache {

    /** A live key, or {@code null} for a destroyed one. */
    record Entry(SecretKey key, long expiresAtNanos) {
        boolean destroyed() {
            return key == null;
        }
    }

    private final Map<KeyId, Entry> entries = new ConcurrentHashMap<>();
    private final AtomicLong generation = new AtomicLong();
    private final AtomicInteger putsSinceSweep = new AtomicInteger();
    private final long ttlNanos;
    private final int maxEntries;
    private final LongSupplier nanoTime;

    DataKeyCache(Duration ttl, int maxEntries, LongSupplier nanoTime) {
        this.ttlNanos = ttl.toNanos();
        this.maxEntries = maxEntries;
        this.nanoTime = nanoTime;
    }

    /** The entry, unless absent or expired. */
    Entry get(KeyId id) {
        Entry entry = entries.get(id);
        if (entry == null) {
            return null;
        }
        if (nanoTime.getAsLong() - entry.expiresAtNanos() >= 0) {
            entries.remove(id, entry);
            return null;
        }
        return entry;
    }

    /** Taken before reading the database; hand it to {@link #put}. */
    long generation() {
        return generation.get();
    }

    /** Caches what was read at {@code readAtGeneration}, unless a family eviction happened since. */
    void put(KeyId id, SecretKey keyOrNullIfDestroyed, long readAtGeneration) {
        Entry entry = new Entry(keyOrNullIfDestroyed, nanoTime.getAsLong() + ttlNanos);
        entries.put(id, entry);
        // checked after the put: an eviction either ran before this check (seen here) or after the put (removes it)
        if (generation.get() != readAtGeneration) {
            entries.remove(id, entry);
        }
        // a sweep walks every entry: after as many puts as half the entries, so a put costs a few steps, not a walk
        if (putsSinceSweep.incrementAndGet() >= Math.max(1024, entries.size() / 2) || entries.size() > maxEntries) {
            sweep();
        }
    }

    void evictFamily(KeyId root) {
        generation.incrementAndGet();
        entries.keySet().removeIf(id -> id.isInFamilyOf(root));
    }

    int size() {
        return entries.size();
    }

    private void sweep() {
        putsSinceSweep.set(0);
        long now = nanoTime.getAsLong();
        entries.values().removeIf(e -> now - e.expiresAtNanos() >= 0);
        if (entries.size() > maxEntries) {
            // still too many live keys: start over rather than grow without bound
            entries.clear();
        }
    }
}
