package de.eakte.api.web;

import org.springframework.http.HttpStatus;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** ETag / If-Match: an aggregate's version as a strong entity tag, e.g. {@code "3"}. */
public final class Versions {

    private static final Pattern TAG = Pattern.compile("\\s*(?:W/)?\"([0-9]{1,18})\"\\s*");

    private Versions() {
    }

    public static String etag(long version) {
        return "\"" + version + "\"";
    }

    /** The version an If-Match header names, or null when the header is absent. */
    public static Long ifMatch(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        Matcher m = TAG.matcher(header);
        if (!m.matches()) {
            throw new PreconditionException(HttpStatus.BAD_REQUEST, "if-match", "Invalid If-Match",
                    "If-Match must be one entity tag as returned in ETag, e.g. \"3\"");
        }
        return Long.parseLong(m.group(1));
    }
}
