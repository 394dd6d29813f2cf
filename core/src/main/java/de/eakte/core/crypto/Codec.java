package de.eakte.core.crypto;

/** Turns a personal value into the bytes that are sealed, and back. */
public interface Codec<T> {

    byte[] encode(T value);

    T decode(byte[] bytes);
}
