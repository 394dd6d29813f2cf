package de.eakte.api.access;

import de.eakte.core.access.policy.BreakGlass;
import de.eakte.core.access.policy.PurposeCode;
import de.eakte.core.access.policy.StatedPurpose;
import de.eakte.core.cases.FileReference;
import de.eakte.core.shared.InvalidValueException;
import jakarta.servlet.http.HttpServletRequest;

import java.io.ByteArrayOutputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Purposes travel as request headers, never in URLs: {@code Access-Purpose} (code),
 * {@code Access-Reason} (text), {@code Access-File-Reference}, {@code Access-Break-Glass}
 * (justification). Text beyond ASCII is sent as an RFC 8187 ext-value:
 * {@code UTF-8''Pr%C3%BCfung%20des%20Antrags}.
 */
public final class AccessHeaders {

    public static final String PURPOSE = "Access-Purpose";
    public static final String REASON = "Access-Reason";
    public static final String FILE_REFERENCE = "Access-File-Reference";
    public static final String BREAK_GLASS = "Access-Break-Glass";

    private static final Pattern EXT_VALUE = Pattern.compile("(?i)UTF-8'([A-Za-z0-9-]{0,35})'(.*)");

    private AccessHeaders() {
    }

    /** What the caller stated: purpose and/or break-glass justification, either may be null. */
    public record Stated(StatedPurpose purpose, BreakGlass breakGlass) {
    }

    public static Stated read(HttpServletRequest request) {
        String code = text(request, PURPOSE);
        String reason = text(request, REASON);
        String reference = text(request, FILE_REFERENCE);
        String breakGlass = text(request, BREAK_GLASS);
        StatedPurpose purpose = null;
        if (code != null || reason != null || reference != null) {
            if (code == null) {
                throw new InvalidValueException(PURPOSE, "required", PURPOSE + " is required with " + REASON);
            }
            FileReference ref = null;
            if (reference != null) {
                try {
                    ref = FileReference.parse(reference);
                } catch (InvalidValueException e) {
                    throw new InvalidValueException(FILE_REFERENCE, e.rule(), FILE_REFERENCE + ": " + e.getMessage());
                }
            }
            purpose = new StatedPurpose(new PurposeCode(code), reason, ref);
        }
        return new Stated(purpose, breakGlass == null ? null : new BreakGlass(breakGlass));
    }

    /** A header's text: plain ASCII, or an RFC 8187 ext-value in UTF-8. */
    static String text(HttpServletRequest request, String name) {
        String raw = request.getHeader(name);
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String value = raw.strip();
        Matcher ext = EXT_VALUE.matcher(value);
        if (ext.matches()) {
            // RFC 8187 § 3.2.1: charset'language'value-chars; the language tag is optional and not used
            return decode(name, ext.group(2));
        }
        if (value.matches("(?i)utf-8'.*")) {
            throw bad(name);
        }
        if (value.chars().anyMatch(c -> c > 0x7e || c < 0x20)) {
            throw new InvalidValueException(name, "rfc8187", name
                    + " with characters beyond ASCII must be sent as UTF-8''<percent-encoded UTF-8> (RFC 8187)");
        }
        return value;
    }

    private static String decode(String name, String encoded) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < encoded.length(); i++) {
            char c = encoded.charAt(i);
            if (c == '%' && i + 2 < encoded.length()) {
                int hi = Character.digit(encoded.charAt(i + 1), 16);
                int lo = Character.digit(encoded.charAt(i + 2), 16);
                if (hi < 0 || lo < 0) {
                    throw bad(name);
                }
                bytes.write(hi * 16 + lo);
                i += 2;
            } else if (c > 0x20 && c < 0x7f && c != '%') {
                bytes.write(c);
            } else {
                throw bad(name);
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
        } catch (CharacterCodingException e) {
            throw bad(name);
        }
    }

    private static InvalidValueException bad(String name) {
        return new InvalidValueException(name, "rfc8187", name + " is not a valid RFC 8187 value (UTF-8''<percent-encoded UTF-8>)");
    }
}
