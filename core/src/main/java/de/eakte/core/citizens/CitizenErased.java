package de.eakte.core.citizens;

import de.eakte.core.crypto.KeyId;
import de.eakte.core.shared.CitizenId;
import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.List;

/**
 * A fact that a citizen's data was erased by destroying their data keys (crypto-shredding): the
 * master-data key and the key of every case. Every sealed value under them now reads as redacted.
 */
@Revision("1")
public record CitizenErased(CitizenId citizenId, List<KeyId> destroyedKeys, Instant erasedAt) {

    public CitizenErased {
        destroyedKeys = List.copyOf(destroyedKeys);
    }
}
