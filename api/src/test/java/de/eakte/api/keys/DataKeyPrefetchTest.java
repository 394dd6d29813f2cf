package de.eakte.api.keys;

import de.eakte.core.citizens.CitizenFileOpened;
import de.eakte.core.citizens.MasterDataCorrected;
import de.eakte.core.crypto.DataKeys;
import de.eakte.core.crypto.InMemoryDataKeys;
import de.eakte.core.crypto.KeyId;
import de.eakte.core.crypto.Sealed;
import de.eakte.core.shared.CitizenId;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.DefaultInterceptorChain;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.junit.jupiter.api.Test;

import javax.crypto.SecretKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** The keys of a whole batch are asked for once, before its first event is handled. */
class DataKeyPrefetchTest {

    private static final Instant AT = Instant.parse("2026-11-21T10:00:00Z");

    /** The in-memory keys, remembering what was read ahead. */
    static final class RecordingKeys implements DataKeys {
        final List<List<KeyId>> prefetched = new ArrayList<>();
        private final DataKeys keys = new InMemoryDataKeys(new Random(7));

        @Override
        public void prefetch(Collection<KeyId> ids) {
            prefetched.add(List.copyOf(ids));
        }

        @Override
        public SecretKey forSealing(KeyId id) {
            return keys.forSealing(id);
        }

        @Override
        public Optional<SecretKey> forOpening(KeyId id) {
            return keys.forOpening(id);
        }

        @Override
        public List<KeyId> destroyFamily(KeyId root) {
            return keys.destroyFamily(root);
        }
    }

    @Test
    void givenABatchOfThree_whenHandled_thenOnePrefetchWithEveryKeyBeforeTheFirstHandler() throws Exception {
        RecordingKeys keys = new RecordingKeys();
        DataKeyPrefetch prefetch = new DataKeyPrefetch(keys);
        CitizenId anna = CitizenId.random();
        CitizenId ben = CitizenId.random();
        List<EventMessage<?>> batch = List.of(
                GenericEventMessage.asEventMessage(new CitizenFileOpened(anna, new Sealed(KeyId.citizen(anna), "bQ"),
                        new Sealed(KeyId.citizen(anna), "YQ"), AT)),
                GenericEventMessage.asEventMessage("not a record of ours"),
                GenericEventMessage.asEventMessage(new MasterDataCorrected(ben, new Sealed(KeyId.citizen(ben), "bQ"), AT)));
        BatchingUnitOfWork<EventMessage<?>> unitOfWork = new BatchingUnitOfWork<>(batch);
        List<Integer> prefetchesSeenByHandlers = new ArrayList<>();

        unitOfWork.executeWithResult(() -> {
            prefetchesSeenByHandlers.add(keys.prefetched.size());
            return new DefaultInterceptorChain<>(unitOfWork, List.of(prefetch), message -> {
                prefetchesSeenByHandlers.add(keys.prefetched.size());
                return null;
            }).proceed();
        });

        assertThat(keys.prefetched).containsExactly(List.of(KeyId.citizen(anna), KeyId.citizen(ben)));
        assertThat(prefetchesSeenByHandlers).as("before the first handler, then the same for every other")
                .containsExactly(0, 1, 1, 1, 1, 1);
    }
}
