package de.eakte.api.keys;

import de.eakte.core.crypto.KeyId;
import de.eakte.core.shared.InvalidValueException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * An append-only file of destroyed data key ids, one per line, kept where database backups do not
 * reach: a restored backup still holds the wrapped keys erased since, and replaying this journal
 * on start destroys them again. Several instances each write their own {@code *.journal} file
 * into one shared directory; each replays all of them.
 */
public final class DestroyedKeysJournal {

    private static final Logger LOG = LoggerFactory.getLogger(DestroyedKeysJournal.class);
    static final String SUFFIX = ".journal";

    private final Path file;

    public DestroyedKeysJournal(Path file) {
        if (!file.getFileName().toString().endsWith(SUFFIX)) {
            throw new KeysUnusableException(KeySettings.DESTROYED_JOURNAL + " must name a file ending in " + SUFFIX
                    + ", not " + file);
        }
        this.file = file.toAbsolutePath();
    }

    public Path file() {
        return file;
    }

    /** Appends the ids and forces them to disk before returning. */
    public synchronized void append(Collection<KeyId> ids) {
        if (ids.isEmpty()) {
            return;
        }
        StringBuilder lines = new StringBuilder();
        for (KeyId id : ids) {
            lines.append(id.value()).append('\n');
        }
        try {
            Path dir = file.getParent();
            boolean created = !Files.exists(file);
            if (created) {
                Files.createDirectories(dir);
            }
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.APPEND)) {
                // a crash may have left a torn last line: start on a fresh one so no id is glued to it
                if (channel.size() > 0 && !endsWithNewline()) {
                    lines.insert(0, '\n');
                }
                ByteBuffer bytes = ByteBuffer.wrap(lines.toString().getBytes(StandardCharsets.US_ASCII));
                while (bytes.hasRemaining()) {
                    channel.write(bytes);
                }
                channel.force(true);
            }
            if (created) {
                forceDirectory(dir);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to the destroyed-keys journal " + file, e);
        }
    }

    /**
     * Every id in this journal and in the other {@code *.journal} files beside it (other
     * instances'). A torn or foreign line is skipped with a warning.
     */
    public Set<KeyId> readAll() {
        Set<KeyId> ids = new LinkedHashSet<>();
        Path dir = file.getParent();
        if (!Files.isDirectory(dir)) {
            return ids;
        }
        List<Path> journals;
        try (Stream<Path> files = Files.list(dir)) {
            journals = files.filter(p -> p.getFileName().toString().endsWith(SUFFIX) && Files.isRegularFile(p))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the destroyed-keys journals in " + dir, e);
        }
        for (Path journal : journals) {
            try {
                for (String line : Files.readAllLines(journal, StandardCharsets.US_ASCII)) {
                    String value = line.strip();
                    if (value.isEmpty() || value.startsWith("#")) {
                        continue;
                    }
                    try {
                        ids.add(new KeyId(value));
                    } catch (InvalidValueException e) {
                        LOG.warn("skipping a line of {} that is no key id (torn by a crash?): {}", journal, value);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the destroyed-keys journal " + journal, e);
            }
        }
        return ids;
    }

    private boolean endsWithNewline() throws IOException {
        try (FileChannel read = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer last = ByteBuffer.allocate(1);
            read.read(last, read.size() - 1);
            return last.get(0) == '\n';
        }
    }

    /** A new file's directory entry is durable only once the directory is forced too (POSIX). */
    private static void forceDirectory(Path dir) {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException notSupported) {
            // not every platform can open a directory; the file's own force still holds its content
        }
    }
}
