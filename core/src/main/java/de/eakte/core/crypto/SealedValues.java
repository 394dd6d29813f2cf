package de.eakte.core.crypto;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * Finds the {@link Sealed} values in an event, so the keys a batch of events will be opened with
 * can be read in one go ({@link DataKeys#prefetch}) instead of one look-up per event. Events are
 * records; a sealed value sits in a component, in a nested record of ours (a stored document's
 * title) or in a collection of them.
 */
public final class SealedValues {

    private static final String OURS = "de.eakte.";

    /** Per record type: the accessors of the components that are, or may hold, sealed values. */
    private static final ClassValue<List<Method>> HOLDERS = new ClassValue<>() {
        @Override
        protected List<Method> computeValue(Class<?> type) {
            List<Method> holders = new ArrayList<>();
            for (RecordComponent c : type.getRecordComponents()) {
                Class<?> t = c.getType();
                if (t == Sealed.class || (t.isRecord() && t.getName().startsWith(OURS)) || Collection.class.isAssignableFrom(t)) {
                    holders.add(c.getAccessor());
                }
            }
            return List.copyOf(holders);
        }
    };

    private SealedValues() {
    }

    /** Adds the key of every sealed value in {@code value} (a record of ours; anything else holds none) to {@code keys}. */
    public static void collectKeys(Object value, Set<KeyId> keys) {
        if (value instanceof Sealed sealed) {
            keys.add(sealed.key());
        } else if (value instanceof Collection<?> values) {
            for (Object v : values) {
                collectKeys(v, keys);
            }
        } else if (value != null && value.getClass().isRecord() && value.getClass().getName().startsWith(OURS)) {
            for (Method accessor : HOLDERS.get(value.getClass())) {
                collectKeys(read(accessor, value), keys);
            }
        }
    }

    private static Object read(Method accessor, Object record) {
        try {
            return accessor.invoke(record);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + accessor + " of " + record.getClass().getName(), e);
        }
    }
}
