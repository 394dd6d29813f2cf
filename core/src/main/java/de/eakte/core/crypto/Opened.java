package de.eakte.core.crypto;

import java.util.Optional;
import java.util.function.Function;

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

    default <R> Opened<R> map(Function<T, R> mapping) {
        if (this instanceof Plain<T> plain) {
            return new Plain<>(plain.plain() == null ? null : mapping.apply(plain.plain()));
        }
        return new Redacted<>(((Redacted<T>) this).key());
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
