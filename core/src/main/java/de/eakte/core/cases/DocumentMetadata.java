package de.eakte.core.cases;

import de.eakte.core.shared.InvalidValueException;
import de.eakte.core.shared.Values;

import java.time.Instant;
import java.util.regex.Pattern;

/** What is known of a document without its content: title, media type, size and SHA-256 digest. */
public record DocumentMetadata(String title, String mediaType, long sizeBytes, String sha256, Instant receivedAt) {

    /** 2 GiB: larger files belong in an archive system, not in a case file. */
    public static final long MAX_SIZE = 2L * 1024 * 1024 * 1024;
    private static final Pattern MEDIA_TYPE = Pattern.compile("[a-z0-9][a-z0-9!#$&^_.+-]{0,62}/[a-z0-9][a-z0-9!#$&^_.+-]{0,62}");
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    public DocumentMetadata {
        title = Values.requireText("document.title", title, 200);
        if (mediaType == null || !MEDIA_TYPE.matcher(mediaType).matches()) {
            throw new InvalidValueException("document.mediaType", "media-type",
                    "document.mediaType must be a lower-case media type such as application/pdf");
        }
        if (sizeBytes < 0 || sizeBytes > MAX_SIZE) {
            throw new InvalidValueException("document.sizeBytes", "size-range",
                    "document.sizeBytes must be between 0 and " + MAX_SIZE);
        }
        if (sha256 == null || !SHA256.matcher(sha256).matches()) {
            throw new InvalidValueException("document.sha256", "sha256-hex",
                    "document.sha256 must be 64 lower-case hex digits");
        }
        Values.requireNonNull("document.receivedAt", receivedAt);
    }
}
