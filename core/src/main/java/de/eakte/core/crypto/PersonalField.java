package de.eakte.core.crypto;

import java.util.regex.Pattern;

/**
 * A personal field of an event: a stable slot id that goes into the associated data (never the
 * Java field name, which an upcaster may rename) and the codec of its value.
 */
public record PersonalField<T>(String slot, Codec<T> codec) {

    private static final Pattern SLOT = Pattern.compile("[a-z]+(\\.[a-z-]+)+");

    public PersonalField {
        if (slot == null || !SLOT.matcher(slot).matches()) {
            throw new IllegalArgumentException("a slot id looks like case.subject, not " + slot);
        }
    }
}
