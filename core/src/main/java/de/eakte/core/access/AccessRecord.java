package de.eakte.core.access;

import de.eakte.core.cases.FileReference;
import de.eakte.core.shared.Actor;
import de.eakte.core.shared.CitizenId;

import java.time.Instant;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * One decision on a read of a citizen's data, with exactly what the response holds: the data
 * categories and the file references. Written before the data leaves.
 *
 * @param purpose    the stated purpose code, or null where the read needed none (own case context)
 * @param rule       the rule the decision rested on (the denying rule for a denial)
 * @param legalBasis the legal basis of the stated purpose, if any
 * @param reason     the stated reason, if any
 * @param breakGlass the break-glass justification, if any
 * @param flagged    whether the DPO must look at it (break-glass, blocked citizen)
 * @param facts      the facts about the citizen the decision rested on (case context, confidentiality,
 *                   block), or null where none were gathered
 */
public record AccessRecord(UUID accessId, Instant at, Actor actor, CitizenId citizenId, AccessOutcome outcome,
                           String rule, Set<DataCategory> categories, List<FileReference> fileReferences,
                           String purpose, String legalBasis, String reason, String breakGlass, boolean flagged,
                           Channel channel, String correlationId, DecisionFacts facts) {

    /** An access recorded without the facts of its decision. */
    public AccessRecord(UUID accessId, Instant at, Actor actor, CitizenId citizenId, AccessOutcome outcome,
                        String rule, Set<DataCategory> categories, List<FileReference> fileReferences,
                        String purpose, String legalBasis, String reason, String breakGlass, boolean flagged,
                        Channel channel, String correlationId) {
        this(accessId, at, actor, citizenId, outcome, rule, categories, fileReferences, purpose, legalBasis, reason,
                breakGlass, flagged, channel, correlationId, null);
    }

    /** An access that rested on no stated purpose. */
    public AccessRecord(UUID accessId, Instant at, Actor actor, CitizenId citizenId, AccessOutcome outcome,
                        String rule, Set<DataCategory> categories, List<FileReference> fileReferences,
                        String purpose, Channel channel, String correlationId) {
        this(accessId, at, actor, citizenId, outcome, rule, categories, fileReferences, purpose, null, null, null,
                false, channel, correlationId);
    }

    public AccessRecord {
        Objects.requireNonNull(accessId);
        Objects.requireNonNull(at);
        Objects.requireNonNull(actor);
        Objects.requireNonNull(citizenId);
        Objects.requireNonNull(outcome);
        Objects.requireNonNull(channel);
        categories = inOrder(categories);
        fileReferences = List.copyOf(fileReferences);
    }

    /** Enum order, so the stored form of an access entry is the same every time. */
    static Set<DataCategory> inOrder(Set<DataCategory> categories) {
        EnumSet<DataCategory> sorted = EnumSet.noneOf(DataCategory.class);
        sorted.addAll(categories);
        return Collections.unmodifiableSet(sorted);
    }
}
