package de.eakte.core.crypto;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Codecs for sealed values. Records are written as a format byte and a list of nullable UTF-8
 * strings, so a later format can add fields and still read the old ones.
 */
public final class Codecs {

    private static final byte FORMAT = 1;

    private Codecs() {
    }

    public static final Codec<String> TEXT = new Codec<>() {
        @Override
        public byte[] encode(String value) {
            return value.getBytes(StandardCharsets.UTF_8);
        }

        @Override
        public String decode(byte[] bytes) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
    };

    /** A record as a list of nullable strings: {@code parts} lists them, {@code build} reads them back. */
    public static <T> Codec<T> strings(Function<T, List<String>> parts, Function<List<String>, T> build) {
        return new Codec<>() {
            @Override
            public byte[] encode(T value) {
                ByteArrayOutputStream bytes = new ByteArrayOutputStream(128);
                try (DataOutputStream out = new DataOutputStream(bytes)) {
                    List<String> list = parts.apply(value);
                    out.writeByte(FORMAT);
                    out.writeShort(list.size());
                    for (String part : list) {
                        out.writeBoolean(part != null);
                        if (part != null) {
                            byte[] utf8 = part.getBytes(StandardCharsets.UTF_8);
                            out.writeInt(utf8.length);
                            out.write(utf8);
                        }
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                return bytes.toByteArray();
            }

            @Override
            public T decode(byte[] bytes) {
                try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
                    byte format = in.readByte();
                    if (format != FORMAT) {
                        throw new IllegalStateException("unknown sealed record format " + format);
                    }
                    int size = in.readShort();
                    List<String> list = new ArrayList<>(size);
                    for (int i = 0; i < size; i++) {
                        list.add(in.readBoolean() ? new String(in.readNBytes(in.readInt()), StandardCharsets.UTF_8) : null);
                    }
                    return build.apply(list);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        };
    }
}
