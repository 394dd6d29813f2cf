package de.eakte.core.crypto;

import java.util.Optional;

/** A sealed value after opening: the value, or {@link Redacted} once its key was destroyed. */
public sealed interface Opened<T> {

    /** The value; empty if redacted. */
    Optional<T> value();

    default boolean isRedacted() {
        return this instanceof Redacted<T>;
    }

    default T orElse(T other) {
        return value().orElse(other);
    }

    record Plain<T>(T plain) implements Opened<T> {
        @Override
        public Optional<T> value() {
            return Optional.ofNullable(plain);
        }
    }

    /** The key was destroyed: the value is gone for good (crypto-shredding). */
    record Redacted<T>(KeyId key) implements Opened<T> {
        @Override
        public Optional<T> value() {
            return Optional.empty();
        }
    }
}
