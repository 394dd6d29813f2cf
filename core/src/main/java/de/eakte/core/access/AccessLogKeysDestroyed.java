package de.eakte.core.access;

import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.List;
import de.eakte.core.crypto.KeyId;

/**
 * A fact that the keys of access-log periods whose retention had ended were destroyed: the entries
 * sealed under them stay in the event store (and the ledger), readable by nobody, and leave the
 * access-log read models.
 */
@Revision("1")
public record AccessLogKeysDestroyed(List<KeyId> keys, Instant at) {

    public AccessLogKeysDestroyed {
        keys = List.copyOf(keys);
    }
}
