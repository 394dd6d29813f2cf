package de.eakte.audit.log;

import de.eakte.core.access.AccessFields;
import de.eakte.core.access.AccessOutcome;
import de.eakte.core.access.AccessRecorded;
import de.eakte.core.access.DecisionFacts;
import de.eakte.core.access.SearchRecorded;
import de.eakte.core.access.SearchScope;
import de.eakte.core.access.Channel;
import de.eakte.core.access.DataCategory;
import de.eakte.core.cases.FileReference;
import de.eakte.core.crypto.DataKeys;
import de.eakte.core.crypto.FieldSealer;
import de.eakte.core.crypto.InMemoryDataKeys;
import de.eakte.core.crypto.KeyId;
import de.eakte.core.crypto.NonceSource;
import de.eakte.core.shared.CitizenId;
import de.eakte.core.shared.OfficeCode;
import de.eakte.core.shared.Role;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

/** Access entries as the recorder stores them, sealed under their month's key (seeded in-memory keys). */
public final class Sealing {

    public static final DataKeys KEYS = new InMemoryDataKeys(new Random(20261121));
    public static final FieldSealer SEALER = new FieldSealer(KEYS, NonceSource.secureRandom());

    private Sealing() {
    }

    public static KeyId keyOf(Instant at) {
        return KeyId.accessPeriod("default", YearMonth.from(at.atOffset(ZoneOffset.UTC)));
    }

    static AccessRecorded accessRecorded(UUID id, Instant at, CitizenId citizen, Role role, String subject,
                                         OfficeCode office, AccessOutcome outcome, String rule,
                                         Set<DataCategory> categories, List<FileReference> references, String purpose,
                                         Channel channel, String correlationId) {
        return accessRecorded(id, at, citizen, role, subject, office, outcome, rule, categories, references, purpose,
                null, null, null, false, channel, correlationId, null);
    }

    static AccessRecorded accessRecorded(UUID id, Instant at, CitizenId citizen, Role role, String subject,
                                         OfficeCode office, AccessOutcome outcome, String rule,
                                         Set<DataCategory> categories, List<FileReference> references, String purpose,
                                         String legalBasis, String reason, String breakGlass, boolean flagged,
                                         Channel channel, String correlationId, String previousHash) {
        return accessRecorded(id, at, citizen, role, subject, office, outcome, rule, categories, references, purpose,
                legalBasis, reason, breakGlass, flagged, channel, correlationId, previousHash, null);
    }

    public static AccessRecorded accessRecorded(UUID id, Instant at, CitizenId citizen, Role role, String subject,
                                                OfficeCode office, AccessOutcome outcome, String rule,
                                                Set<DataCategory> categories, List<FileReference> references,
                                                String purpose, String legalBasis, String reason, String breakGlass,
                                                boolean flagged, Channel channel, String correlationId,
                                                String previousHash, DecisionFacts facts) {
        KeyId key = keyOf(at);
        String aggregate = id.toString();
        return new AccessRecorded(id, at, citizen, role, SEALER.seal(key, aggregate, AccessFields.ACTOR_SUBJECT, subject),
                office, outcome, rule, categories, references, purpose, legalBasis,
                SEALER.seal(key, aggregate, AccessFields.REASON, reason),
                SEALER.seal(key, aggregate, AccessFields.BREAK_GLASS, breakGlass), flagged, channel, correlationId,
                previousHash, facts);
    }

    /** A search with its staff member, criteria and reason sealed under the key of its month. */
    public static SearchRecorded searchRecorded(UUID id, Instant at, Role role, String subject, OfficeCode office,
                                                SearchScope scope, String criteria, AccessOutcome outcome, String rule,
                                                int hitCount, String purpose, String legalBasis, String reason,
                                                String correlationId) {
        KeyId key = keyOf(at);
        String aggregate = id.toString();
        return new SearchRecorded(id, at, role, SEALER.seal(key, aggregate, AccessFields.SEARCH_ACTOR_SUBJECT, subject),
                office, scope, SEALER.seal(key, aggregate, AccessFields.SEARCH_CRITERIA, criteria), outcome, rule,
                hitCount, purpose, legalBasis, SEALER.seal(key, aggregate, AccessFields.SEARCH_REASON, reason),
                correlationId);
    }
}
