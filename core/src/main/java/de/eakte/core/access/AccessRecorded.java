package de.eakte.core.access;

import de.eakte.core.cases.FileReference;
import de.eakte.core.shared.CitizenId;
import de.eakte.core.shared.OfficeCode;
import de.eakte.core.shared.Role;
import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * A fact that a read of a citizen's data was decided (granted, denied or break-glass) and what
 * the response held. Stored in the event store before the data left. Revision 2 added {@code facts},
 * the facts about the citizen the decision rested on (null where none were gathered).
 */
@Revision("2")
public record AccessRecorded(UUID accessId, Instant at, CitizenId citizenId, Role actorRole, String actorSubject,
                             OfficeCode actorOffice, AccessOutcome outcome, String rule,
                             Set<DataCategory> categories, List<FileReference> fileReferences, String purpose,
                             String legalBasis, String reason, String breakGlass, boolean flagged,
                             Channel channel, String correlationId, DecisionFacts facts) {

    /** An access recorded without the facts of its decision. */
    public AccessRecorded(UUID accessId, Instant at, CitizenId citizenId, Role actorRole, String actorSubject,
                          OfficeCode actorOffice, AccessOutcome outcome, String rule, Set<DataCategory> categories,
                          List<FileReference> fileReferences, String purpose, String legalBasis, String reason,
                          String breakGlass, boolean flagged, Channel channel, String correlationId) {
        this(accessId, at, citizenId, actorRole, actorSubject, actorOffice, outcome, rule, categories, fileReferences,
                purpose, legalBasis, reason, breakGlass, flagged, channel, correlationId, null);
    }

    /** An access that rested on no stated purpose. */
    public AccessRecorded(UUID accessId, Instant at, CitizenId citizenId, Role actorRole, String actorSubject,
                          OfficeCode actorOffice, AccessOutcome outcome, String rule, Set<DataCategory> categories,
                          List<FileReference> fileReferences, String purpose, Channel channel, String correlationId) {
        this(accessId, at, citizenId, actorRole, actorSubject, actorOffice, outcome, rule, categories, fileReferences,
                purpose, null, null, null, false, channel, correlationId, null);
    }

    public AccessRecorded {
        categories = categories == null ? null : AccessRecord.inOrder(categories);
    }

    public static AccessRecorded of(AccessRecord r) {
        return new AccessRecorded(r.accessId(), r.at(), r.citizenId(), r.actor().role(), r.actor().subject(),
                r.actor().office(), r.outcome(), r.rule(), r.categories(), r.fileReferences(), r.purpose(),
                r.legalBasis(), r.reason(), r.breakGlass(), r.flagged(), r.channel(), r.correlationId(), r.facts());
    }
}
