package de.eakte.core.access;

import de.eakte.core.access.policy.InformationBlock;
import de.eakte.core.cases.FileReference;

import java.util.List;

/**
 * The facts about the citizen an access decision rested on, kept with the access entry so the
 * DPO's anomaly report can tell a look-up in a case context from one on a stated purpose alone.
 *
 * @param caseContext          the file references of the caller office's cases of this citizen that
 *                             gave it a case context at that moment (open, or closed less than the
 *                             context period ago); empty when the office had no case context
 * @param strictlyConfidential whether the citizen had a strictly confidential case (SGB I § 35)
 * @param block                the citizen's information block (BMG §§ 51, 52), {@code NONE} if none
 */
public record DecisionFacts(List<FileReference> caseContext, boolean strictlyConfidential, InformationBlock block) {

    public DecisionFacts {
        caseContext = caseContext == null ? List.of() : List.copyOf(caseContext);
        block = block == null ? InformationBlock.NONE : block;
    }

    /** Whether the office had a case context for the citizen. */
    public boolean inCaseContext() {
        return !caseContext.isEmpty();
    }
}
