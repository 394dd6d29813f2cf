package de.eakte.api.keys;

import de.eakte.core.crypto.DataKeys;
import de.eakte.core.crypto.KeyId;
import de.eakte.core.crypto.SealedValues;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Before the first event of a processor's batch is handled, reads the data keys of every sealed
 * value in the batch in one statement. A projection opens each citizen's and each case's fields
 * with that case's own key; while it follows new events those keys are cached (they were created
 * here moments ago), but a rebuild meets hundreds of thousands of keys no cache holds, and looked
 * them up one statement per event (docs/BENCHMARKS.md, scenario f).
 */
public final class DataKeyPrefetch implements MessageHandlerInterceptor<EventMessage<?>> {

    private final DataKeys keys;

    public DataKeyPrefetch(DataKeys keys) {
        this.keys = keys;
    }

    @Override
    public Object handle(UnitOfWork<? extends EventMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        if (unitOfWork instanceof BatchingUnitOfWork<? extends EventMessage<?>> batch && batch.isFirstMessage()) {
            Set<KeyId> ids = new LinkedHashSet<>();
            for (EventMessage<?> event : batch.getMessages()) {
                // a payload type this server does not know holds nothing to open
                if (event.getPayloadType().isRecord()) {
                    SealedValues.collectKeys(event.getPayload(), ids);
                }
            }
            keys.prefetch(ids);
        }
        return chain.proceed();
    }
}
