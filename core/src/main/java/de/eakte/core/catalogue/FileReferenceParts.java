package de.eakte.core.catalogue;

import java.util.regex.Pattern;

/** The form of a file-plan key (Aktenplankennzeichen): digit groups joined by dots, e.g. 122.20. */
public final class FileReferenceParts {

    public static final Pattern FILE_PLAN_KEY = Pattern.compile("[0-9]{1,3}(\\.[0-9]{1,3}){0,3}");

    private FileReferenceParts() {
    }

    public static boolean isFilePlanKey(String key) {
        return key != null && FILE_PLAN_KEY.matcher(key).matches();
    }
}
