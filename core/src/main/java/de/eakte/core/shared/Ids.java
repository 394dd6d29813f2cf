package de.eakte.core.shared;

import java.util.UUID;
import java.util.regex.Pattern;

final class Ids {

    private static final Pattern UUID_FORM =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private Ids() {
    }

    static UUID parse(String field, String text) {
        // UUID.fromString accepts odd forms such as "1-1-1-1-1"; only the canonical form is an id here.
        if (text == null || !UUID_FORM.matcher(text).matches()) {
            throw new InvalidValueException(field, "uuid", field + " must be a UUID such as 3f2b8c1e-0c4a-4f7e-9d2a-5b6c7d8e9f01");
        }
        return UUID.fromString(text);
    }
}
