package de.eakte.api.storage;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Says what to do with a store written by a pre-release build, instead of a stack trace. */
public class PreReleaseEventsFailureAnalyzer extends AbstractFailureAnalyzer<PreReleaseEventsException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, PreReleaseEventsException cause) {
        return new FailureAnalysis(cause.getMessage(),
                "Start from an empty database (for the embedded default: move the data directory aside). "
                        + "See docs/decisions/0004-crypto-shredding.md.", cause);
    }
}
