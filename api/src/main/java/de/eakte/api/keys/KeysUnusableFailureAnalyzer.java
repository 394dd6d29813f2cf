package de.eakte.api.keys;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns an unusable key-encryption key into a short start-up message instead of a stack trace. */
public class KeysUnusableFailureAnalyzer extends AbstractFailureAnalyzer<KeysUnusableException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, KeysUnusableException cause) {
        return new FailureAnalysis(cause.getMessage(),
                "Configure the key-encryption key that wrapped the stored data keys: " + KeySettings.KEK_FILE
                        + "=<file> or " + KeySettings.KEYSTORE_PATH + ", " + KeySettings.KEYSTORE_PASSWORD + " and "
                        + KeySettings.KEYSTORE_ALIAS + ". Never create a new one while keys exist: without the old "
                        + "KEK the sealed personal data cannot be read. See docs/operations.md, 'Keys and erasure'.",
                cause);
    }
}
