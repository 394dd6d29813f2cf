package de.eakte.core.access;

import de.eakte.core.cases.FileReference;
import de.eakte.core.shared.CitizenId;
import de.eakte.core.shared.OfficeCode;
import de.eakte.core.shared.Role;
import de.eakte.core.crypto.FieldSealer;
import de.eakte.core.crypto.KeyId;
import de.eakte.core.crypto.Sealed;
import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * A fact that a read of a citizen's data was decided (granted, denied or break-glass) and what
 * the response held. Stored in the event store before the data left, as the next link of the
 * citizen's access chain (aggregate {@code access-log-<citizen>}, sequence = the entry's number in
 * that chain, gap-free from 0).
 *
 * The actor's subject, the reason and the break-glass justification are sealed under the key of
 * the entry's month and retention class ({@link KeyId#accessPeriod}), so they can be erased when
 * that retention ends while the event, and the ledger over it, stay.
 *
 * @param previousHash base64 of the RFC 9162 leaf hash of the stored row of the citizen's previous
 *                     chain entry; null for the first entry
 * @param facts        the facts about the citizen the decision rested on (case context,
 *                     confidentiality, information block); null where none were gathered
 */
@Revision("2")
public record AccessRecorded(UUID accessId, Instant at, CitizenId citizenId, Role actorRole, Sealed actorSubject,
                             OfficeCode actorOffice, AccessOutcome outcome, String rule,
                             Set<DataCategory> categories, List<FileReference> fileReferences, String purpose,
                             String legalBasis, Sealed reason, Sealed breakGlass, boolean flagged,
                             Channel channel, String correlationId, String previousHash, DecisionFacts facts) {

    public AccessRecorded {
        categories = categories == null ? null : AccessRecord.inOrder(categories);
    }

    /**
     * The entry of a record, its personal fields sealed under {@code key}, linked to the citizen's
     * previous entry by {@code previousHash}.
     */
    public static AccessRecorded of(AccessRecord r, FieldSealer sealer, KeyId key, String previousHash) {
        String id = r.accessId().toString();
        return new AccessRecorded(r.accessId(), r.at(), r.citizenId(), r.actor().role(),
                sealer.seal(key, id, AccessFields.ACTOR_SUBJECT, r.actor().subject()), r.actor().office(), r.outcome(),
                r.rule(), r.categories(), r.fileReferences(), r.purpose(), r.legalBasis(),
                sealer.seal(key, id, AccessFields.REASON, r.reason()),
                sealer.seal(key, id, AccessFields.BREAK_GLASS, r.breakGlass()), r.flagged(), r.channel(),
                r.correlationId(), previousHash, r.facts());
    }

    /** The key the personal fields are sealed under. */
    public KeyId sealedWith() {
        return actorSubject.key();
    }
}
