package de.eakte.core.retention;

import de.eakte.core.shared.Actor;

import java.util.List;

/** Draw up a disposal list of these cases, found due by {@link RetentionRegister#due}. */
public record DrawUpDisposalList(DisposalListId listId, List<DisposalCandidate> cases, DrawUpTrigger trigger,
                                 Actor actor) {
}
