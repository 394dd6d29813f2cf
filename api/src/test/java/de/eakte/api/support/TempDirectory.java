package de.eakte.api.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A fresh temporary directory, created on first use and the same from then on (one per test context). */
public final class TempDirectory {

    private final String prefix;
    private Path path;

    public TempDirectory(String prefix) {
        this.prefix = prefix;
    }

    public synchronized Path get() {
        if (path == null) {
            try {
                path = Files.createTempDirectory(prefix);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return path;
    }
}
