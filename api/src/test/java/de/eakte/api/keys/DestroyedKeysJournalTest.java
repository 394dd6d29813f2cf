package de.eakte.api.keys;

import de.eakte.core.crypto.KeyId;
import de.eakte.core.shared.CitizenId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DestroyedKeysJournalTest {

    @TempDir
    Path temp;

    private static KeyId key() {
        return KeyId.citizen(CitizenId.random());
    }

    @Test
    void appendedIdsAreReadBackInOrderAcrossRestarts() {
        Path file = temp.resolve("keys").resolve("destroyed-keys.journal");
        KeyId a = key();
        KeyId b = key();
        KeyId c = key();
        new DestroyedKeysJournal(file).append(List.of(a, b));
        new DestroyedKeysJournal(file).append(List.of(c));

        assertThat(new DestroyedKeysJournal(file).readAll()).containsExactly(a, b, c);
    }

    @Test
    void aTornLastLineIsSkippedAndDoesNotSwallowTheNextId() throws Exception {
        Path file = temp.resolve("node.journal");
        KeyId a = key();
        KeyId b = key();
        Files.writeString(file, a.value() + "\ncitizen/12ab", StandardOpenOption.CREATE_NEW);

        new DestroyedKeysJournal(file).append(List.of(b));

        assertThat(new DestroyedKeysJournal(file).readAll()).containsExactly(a, b);
    }

    @Test
    void readsTheJournalsOfOtherInstancesInTheSameDirectory() throws Exception {
        KeyId mine = key();
        KeyId theirs = key();
        new DestroyedKeysJournal(temp.resolve("node-a.journal")).append(List.of(mine));
        new DestroyedKeysJournal(temp.resolve("node-b.journal")).append(List.of(theirs));
        Files.writeString(temp.resolve("notes.txt"), key().value());

        assertThat(new DestroyedKeysJournal(temp.resolve("node-a.journal")).readAll())
                .containsExactlyInAnyOrder(mine, theirs);
    }

    @Test
    void aMissingJournalIsEmptyAndTheNameMustEndInJournal() {
        assertThat(new DestroyedKeysJournal(temp.resolve("nothing-yet").resolve("a.journal")).readAll()).isEmpty();
        assertThatThrownBy(() -> new DestroyedKeysJournal(temp.resolve("destroyed.txt")))
                .isInstanceOf(KeysUnusableException.class);
    }
}
