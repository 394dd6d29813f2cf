package de.eakte.core.cases;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import de.eakte.core.catalogue.FileReferenceParts;
import de.eakte.core.shared.InvalidValueException;
import de.eakte.core.shared.OfficeCode;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Aktenzeichen, also the citizen's tracking number: office code, file-plan key, running number
 * (per office and year, at least six digits) and year, joined by hyphens, e.g.
 * {@code 33-122.20-000042-2026}. No slash, so it can stand in a URL path as it is.
 */
public record FileReference(OfficeCode office, String filePlanKey, long number, int year) {

    private static final Pattern FORM = Pattern.compile("([0-9]{2,3})-([0-9.]{1,15})-([0-9]{6,12})-([0-9]{4})");

    public FileReference {
        if (office == null || !FileReferenceParts.isFilePlanKey(filePlanKey) || number < 1 || year < 1900 || year > 9999) {
            throw new InvalidValueException("fileReference", "file-reference",
                    "fileReference must look like 33-122.20-000042-2026");
        }
    }

    @JsonCreator
    public static FileReference parse(String text) {
        Matcher m = text == null ? null : FORM.matcher(text);
        if (m == null || !m.matches()) {
            throw new InvalidValueException("fileReference", "file-reference",
                    "fileReference must look like 33-122.20-000042-2026");
        }
        return new FileReference(new OfficeCode(m.group(1)), m.group(2), Long.parseLong(m.group(3)),
                Integer.parseInt(m.group(4)));
    }

    @JsonValue
    @Override
    public String toString() {
        return String.format("%s-%s-%06d-%04d", office, filePlanKey, number, year);
    }
}
