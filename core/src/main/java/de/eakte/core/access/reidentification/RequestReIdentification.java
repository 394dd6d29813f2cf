package de.eakte.core.access.reidentification;

import de.eakte.core.shared.Actor;

/** Ask to re-identify a staff pseudonym (P-xxxxxxxxxxxx), with a reason; a DPO. */
public record RequestReIdentification(ReIdentificationId reIdentificationId, String pseudonym, String reason,
                                      Actor actor) {
}
