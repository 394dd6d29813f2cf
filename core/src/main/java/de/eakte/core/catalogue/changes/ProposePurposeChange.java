package de.eakte.core.catalogue.changes;

import de.eakte.core.access.policy.Purpose;
import de.eakte.core.access.policy.PurposeCode;
import de.eakte.core.shared.Actor;
import de.eakte.core.shared.OfficeCode;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Propose a change to an office's purposes: PUT carries the whole new {@code purpose} (its office
 * and code name the purpose it adds or replaces); WITHDRAW names {@code office} and {@code code}
 * only. Use {@link #put} and {@link #withdraw}.
 */
public record ProposePurposeChange(@TargetAggregateIdentifier PurposeChangeId changeId, PurposeChangeKind kind,
                                   OfficeCode office, PurposeCode code, Purpose purpose, String reason,
                                   Actor actor) {

    public static ProposePurposeChange put(PurposeChangeId changeId, Purpose purpose, String reason, Actor actor) {
        return new ProposePurposeChange(changeId, PurposeChangeKind.PUT, purpose == null ? null : purpose.office(),
                purpose == null ? null : purpose.code(), purpose, reason, actor);
    }

    public static ProposePurposeChange withdraw(PurposeChangeId changeId, OfficeCode office, PurposeCode code,
                                                String reason, Actor actor) {
        return new ProposePurposeChange(changeId, PurposeChangeKind.WITHDRAW, office, code, null, reason, actor);
    }
}
