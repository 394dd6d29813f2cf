package de.eakte.core.access.reidentification;

import de.eakte.core.shared.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Approve a pending re-identification; a DPO other than the requester (four eyes), optionally with a note. */
public record ApproveReIdentification(@TargetAggregateIdentifier ReIdentificationId reIdentificationId, String note,
                                      Actor actor) {
}
