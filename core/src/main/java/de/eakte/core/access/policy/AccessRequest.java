package de.eakte.core.access.policy;

import de.eakte.core.access.DataCategory;
import de.eakte.core.shared.Actor;
import de.eakte.core.shared.CitizenId;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * Everything the access policy decides on: who asks (and, for a citizen, whose file their token
 * names), for which citizen and which data categories, the stated purpose and break-glass
 * justification if any, and the facts gathered about the citizen's cases.
 *
 * @param breakGlassGrantActive whether this actor holds an unexpired break-glass grant for this citizen
 * @param breakGlassUsesToday   how many break-glass grants this actor opened today
 * @param restricted            whether processing is restricted (GDPR Art. 18) because erasure was
 *                              requested while a retention period still binds
 */
public record AccessRequest(Actor actor, CitizenId actorCitizen, CitizenId citizen, Set<DataCategory> asked,
                            StatedPurpose purpose, BreakGlass breakGlass, InformationBlock block,
                            List<CaseFact> cases, boolean breakGlassGrantActive, int breakGlassUsesToday,
                            Instant now, boolean restricted) {

    public AccessRequest(Actor actor, CitizenId actorCitizen, CitizenId citizen, Set<DataCategory> asked,
                         StatedPurpose purpose, BreakGlass breakGlass, InformationBlock block, List<CaseFact> cases,
                         boolean breakGlassGrantActive, int breakGlassUsesToday, Instant now) {
        this(actor, actorCitizen, citizen, asked, purpose, breakGlass, block, cases, breakGlassGrantActive,
                breakGlassUsesToday, now, false);
    }

    public AccessRequest {
        asked = Set.copyOf(asked);
        cases = List.copyOf(cases);
        block = block == null ? InformationBlock.NONE : block;
    }
}
