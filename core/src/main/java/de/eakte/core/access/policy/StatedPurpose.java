package de.eakte.core.access.policy;

import de.eakte.core.cases.FileReference;
import de.eakte.core.shared.InvalidValueException;

import java.text.Normalizer;
import java.util.regex.Pattern;

/**
 * What staff state for a look-up outside their case context: a purpose code, a reason of at least
 * five characters with three letters in a row (as Berlin's registration portal demands), and
 * optionally the file reference it is for.
 */
public record StatedPurpose(PurposeCode code, String reason, FileReference fileReference) {

    private static final Pattern THREE_LETTERS = Pattern.compile("\\p{L}{3}");
    public static final int REASON_MAX = 500;

    public StatedPurpose {
        if (code == null) {
            throw new InvalidValueException("Access-Purpose", "required", "Access-Purpose is required with a reason");
        }
        if (reason != null) {
            // composed form, so "Prüfung" typed on any system has three letters in a row
            reason = Normalizer.normalize(reason, Normalizer.Form.NFC);
        }
        if (reason == null || reason.strip().length() < 5 || !THREE_LETTERS.matcher(reason).find()) {
            throw new InvalidValueException("Access-Reason", "reason-form",
                    "Access-Reason must be at least 5 characters with 3 letters in a row");
        }
        reason = reason.strip();
        if (reason.length() > REASON_MAX || reason.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidValueException("Access-Reason", "reason-form",
                    "Access-Reason must be one line of at most " + REASON_MAX + " characters");
        }
    }
}
