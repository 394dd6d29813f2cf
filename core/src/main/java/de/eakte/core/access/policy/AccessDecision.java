package de.eakte.core.access.policy;

import de.eakte.core.access.AccessOutcome;
import de.eakte.core.access.DataCategory;
import de.eakte.core.shared.CaseId;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * The policy's answer. For a grant: the data categories and the cases the response may hold (and
 * for which cases entries), the categories asked for but not granted, and whether the caller sees
 * only entries marked visible to the citizen. For a denial: the rule that denied. {@code flagged}
 * marks look-ups the DPO must see (break-glass, blocked citizens).
 */
public record AccessDecision(AccessOutcome outcome, String rule, String explanation, Set<DataCategory> granted,
                             Set<DataCategory> notGranted, Set<CaseId> visibleCases, Set<CaseId> casesWithEntries,
                             boolean citizenVisibleEntriesOnly, Purpose purpose, boolean flagged) {

    public AccessDecision {
        granted = sorted(granted);
        notGranted = sorted(notGranted);
        visibleCases = Set.copyOf(visibleCases);
        casesWithEntries = Set.copyOf(casesWithEntries);
    }

    public static AccessDecision denied(String rule, String explanation, Set<DataCategory> asked, boolean flagged) {
        return new AccessDecision(AccessOutcome.DENIED, rule, explanation, Set.of(), asked, Set.of(), Set.of(), false,
                null, flagged);
    }

    public boolean isGranted() {
        return outcome != AccessOutcome.DENIED;
    }

    private static Set<DataCategory> sorted(Set<DataCategory> categories) {
        EnumSet<DataCategory> set = EnumSet.noneOf(DataCategory.class);
        set.addAll(categories);
        return Collections.unmodifiableSet(set);
    }
}
