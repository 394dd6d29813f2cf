package de.eakte.core.catalogue.changes;

import de.eakte.core.shared.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Attach the data-protection officer's opinion to an office change, pending or decided: the DPO
 * advises, the admins decide (GDPR Art. 39).
 */
public record AttachOfficeChangeOpinion(@TargetAggregateIdentifier OfficeChangeId changeId, String opinion,
                                        Actor actor) {
}
