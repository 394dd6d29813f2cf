package de.eakte.core.citizens;

import de.eakte.core.shared.CitizenId;

import java.time.LocalDate;

/** Port: what binds a citizen's data to retention, from their cases (GDPR Art. 17(3)(b)). */
public interface RetentionFacts {

    Retention of(CitizenId citizen);

    /**
     * @param openCases          cases not yet closed (zdA): their retention has not even begun
     * @param legalHolds         cases under a legal hold
     * @param latestRetentionEnd the last day of the longest retention period among closed cases; null if none
     */
    record Retention(int openCases, int legalHolds, LocalDate latestRetentionEnd) {

        /** The first day erasure is possible, or null while open cases or holds leave it undetermined. */
        public LocalDate earliestErasureOn(LocalDate today) {
            if (openCases > 0 || legalHolds > 0) {
                return null;
            }
            if (latestRetentionEnd == null || latestRetentionEnd.isBefore(today)) {
                return today;
            }
            return latestRetentionEnd.plusDays(1);
        }

        public boolean binds(LocalDate today) {
            LocalDate earliest = earliestErasureOn(today);
            return earliest == null || earliest.isAfter(today);
        }
    }
}
