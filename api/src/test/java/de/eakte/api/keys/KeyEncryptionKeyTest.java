package de.eakte.api.keys;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyStore;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KeyEncryptionKeyTest {

    @TempDir
    Path temp;

    private static SecretKey dataKey() throws Exception {
        KeyGenerator generator = KeyGenerator.getInstance("AES");
        generator.init(256);
        return generator.generateKey();
    }

    @Test
    void wrapsAndUnwrapsADataKeyWithRfc3394() throws Exception {
        KeyEncryptionKey kek = KeyEncryptionKey.createFile(temp.resolve("kek.key"));
        SecretKey key = dataKey();

        byte[] wrapped = kek.wrap(key);

        assertThat(wrapped).hasSize(40).isNotEqualTo(key.getEncoded());
        assertThat(kek.unwrap(wrapped, "citizen/x").getEncoded()).isEqualTo(key.getEncoded());
    }

    @Test
    void anotherKekOrAlteredBytesDoNotUnwrap() throws Exception {
        KeyEncryptionKey kek = KeyEncryptionKey.createFile(temp.resolve("a.key"));
        KeyEncryptionKey other = KeyEncryptionKey.createFile(temp.resolve("b.key"));
        byte[] wrapped = kek.wrap(dataKey());

        assertThat(other.fingerprint()).isNotEqualTo(kek.fingerprint());
        assertThatThrownBy(() -> other.unwrap(wrapped, "citizen/x")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("citizen/x");
        wrapped[7] ^= 1;
        assertThatThrownBy(() -> kek.unwrap(wrapped, "citizen/x")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aCreatedFileIsTheOwnersOnlyAndReadsBackAsTheSameKey() throws Exception {
        Path file = temp.resolve("keys").resolve("kek.key");
        KeyEncryptionKey created = KeyEncryptionKey.createFile(file);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        KeyEncryptionKey read = KeyEncryptionKey.fromFile(file);
        assertThat(read.fingerprint()).isEqualTo(created.fingerprint());
        byte[] wrapped = created.wrap(dataKey());
        assertThat(read.unwrap(wrapped, "k")).isNotNull();
        assertThat(Files.list(file.getParent())).containsExactly(file); // no temporary file left
    }

    @Test
    void readsRawBytesOrBase64AndRejectsOtherSizes() throws Exception {
        byte[] bytes = new byte[32];
        bytes[0] = 7;
        Path raw = Files.write(temp.resolve("raw.key"), bytes);
        Path text = Files.writeString(temp.resolve("text.key"), Base64.getEncoder().encodeToString(bytes) + "\n");
        Path shortKey = Files.write(temp.resolve("short.key"), new byte[16]);

        assertThat(KeyEncryptionKey.fromFile(raw).fingerprint()).isEqualTo(KeyEncryptionKey.fromFile(text).fingerprint());
        assertThatThrownBy(() -> KeyEncryptionKey.fromFile(shortKey)).isInstanceOf(KeysUnusableException.class)
                .hasMessageContaining("16 bytes");
        assertThatThrownBy(() -> KeyEncryptionKey.fromFile(temp.resolve("absent.key")))
                .isInstanceOf(KeysUnusableException.class).hasMessageContaining("cannot be read");
    }

    @Test
    void theFingerprintRevealsNothingOfTheKey() {
        byte[] bytes = new byte[32];
        KeyEncryptionKey kek = new KeyEncryptionKey(bytes, "test");
        assertThat(kek.fingerprint()).hasSize(32).matches("[0-9a-f]+")
                .isNotEqualTo("00000000000000000000000000000000");
        assertThat(kek.toString()).contains(kek.fingerprint()).doesNotContain("AAAAAAAA");
    }

    @Test
    void readsAnAesKeyFromAPkcs12Keystore() throws Exception {
        char[] password = "changeit".toCharArray();
        byte[] bytes = new byte[32];
        bytes[5] = 42;
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, password);
        store.setEntry("eakte-kek", new KeyStore.SecretKeyEntry(new SecretKeySpec(bytes, "AES")),
                new KeyStore.PasswordProtection(password));
        Path file = temp.resolve("kek.p12");
        try (OutputStream out = Files.newOutputStream(file)) {
            store.store(out, password);
        }

        KeyEncryptionKey kek = KeyEncryptionKey.fromKeystore(file, password, "eakte-kek");

        assertThat(kek.fingerprint()).isEqualTo(new KeyEncryptionKey(bytes, "same").fingerprint());
        assertThatThrownBy(() -> KeyEncryptionKey.fromKeystore(file, password, "nope"))
                .isInstanceOf(KeysUnusableException.class).hasMessageContaining("no key under that alias");
        assertThatThrownBy(() -> KeyEncryptionKey.fromKeystore(file, "wrong".toCharArray(), "eakte-kek"))
                .isInstanceOf(KeysUnusableException.class).hasMessageContaining("cannot be read");
    }
}
