package de.eakte.core.retention;

import de.eakte.core.crypto.KeyId;
import de.eakte.core.shared.CaseId;
import de.eakte.core.shared.CitizenId;
import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.List;

/**
 * A fact that a case on an approved list was destroyed (disposal kind V) by destroying its data
 * keys: its subject, entry texts and document titles read as redacted from now on. The citizen's
 * master data and other cases are untouched.
 */
@Revision("1")
public record CaseDestroyed(DisposalListId listId, CaseId caseId, CitizenId citizenId, List<KeyId> destroyedKeys,
                            Instant destroyedAt) {

    public CaseDestroyed {
        destroyedKeys = List.copyOf(destroyedKeys);
    }
}
