package de.eakte.core.retention;

import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A fact that a disposal list was drawn up on {@code drawnUpOn} of these closed cases, whose
 * retention had ended before that day; nothing is disposed of until it is confirmed and approved.
 */
@Revision("1")
public record DisposalListDrawnUp(DisposalListId listId, List<DisposalCandidate> cases, LocalDate drawnUpOn,
                                  DrawUpTrigger trigger, Instant drawnUpAt) {

    public DisposalListDrawnUp {
        cases = List.copyOf(cases);
    }
}
