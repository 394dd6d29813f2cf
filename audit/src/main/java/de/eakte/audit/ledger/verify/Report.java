package de.eakte.audit.ledger.verify;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@link LedgerVerifier} checked and found. {@code pending} counts events newer than the
 * ledger's head (a running server has not appended them yet); they are not findings.
 */
public record Report(long leaves, long checkpoints, long trustedCheckpoints, long pending, List<Finding> findings) {

    public Report {
        findings = List.copyOf(findings);
    }

    public boolean ok() {
        return findings.isEmpty();
    }

    /** The first leaf found bad: the earliest point history was changed. */
    public Optional<Finding> firstBadLeaf() {
        return findings.stream().filter(f -> f.leafIndex() != null).min(Comparator.comparing(Finding::leafIndex));
    }

    /** The first checkpoint (stored or kept outside) that the store no longer matches. */
    public Optional<Finding> firstBrokenCheckpoint() {
        return findings.stream().filter(f -> f.checkpointSize() != null)
                .min(Comparator.comparing(Finding::checkpointSize));
    }

    public long count(Finding.Kind kind) {
        return findings.stream().filter(f -> Objects.equals(f.kind(), kind)).count();
    }
}
