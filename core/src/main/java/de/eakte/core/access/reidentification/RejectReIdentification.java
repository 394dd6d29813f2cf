package de.eakte.core.access.reidentification;

import de.eakte.core.shared.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Reject a pending re-identification; a DPO other than the requester (four eyes), with a reason. */
public record RejectReIdentification(@TargetAggregateIdentifier ReIdentificationId reIdentificationId, String reason,
                                     Actor actor) {
}
