package de.eakte.core.retention;

import de.eakte.core.shared.CaseId;

import java.time.LocalDate;
import java.util.List;

/**
 * Port: which closed cases are due for disposal, and which are already taken by a list. Claims
 * are written in the command's transaction, so two lists drawn up at once (two instances, job and
 * request) cannot both take a case.
 */
public interface RetentionRegister {

    /**
     * Closed cases whose retention ended before {@code today}, not under a legal hold, not disposed
     * of and not claimed by a list; at most {@code limit}, oldest retention end first.
     */
    List<DisposalCandidate> due(LocalDate today, int limit);

    /** Takes these cases for the list; fails if another list holds one of them. */
    void claim(DisposalListId list, List<CaseId> cases);

    /** Gives a case back (it was skipped), so a later list can take it. */
    void release(DisposalListId list, CaseId caseId);

    /** Whether the case is under a legal hold now. */
    boolean underLegalHold(CaseId caseId);
}
