package de.eakte.core.access;

import de.eakte.core.shared.Actor;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One staff search as it is recorded: who searched, why, with which criteria (in a canonical text
 * form), how it was decided and how many hits the answer showed. The citizens shown get their own
 * access entries ({@link AccessRecord}, channel SEARCH) with the same correlation id.
 *
 * @param rule the denying rule of a refused search, or {@code search} for one that was answered
 */
public record SearchRecord(UUID searchId, Instant at, Actor actor, SearchScope scope, String criteria,
                           AccessOutcome outcome, String rule, int hitCount, String purpose, String legalBasis,
                           String reason, String correlationId) {

    public SearchRecord {
        Objects.requireNonNull(searchId);
        Objects.requireNonNull(at);
        Objects.requireNonNull(actor);
        Objects.requireNonNull(scope);
        Objects.requireNonNull(criteria);
        Objects.requireNonNull(outcome);
    }
}
