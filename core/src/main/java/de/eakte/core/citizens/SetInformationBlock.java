package de.eakte.core.citizens;

import de.eakte.core.access.policy.InformationBlock;
import de.eakte.core.shared.Actor;
import de.eakte.core.shared.CitizenId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Put a citizen's file under an information block (BMG § 51) or a conditional block (§ 52). */
public record SetInformationBlock(@TargetAggregateIdentifier CitizenId citizenId, InformationBlock kind, Actor actor,
                                  @TargetAggregateVersion Long expectedVersion) {
}
