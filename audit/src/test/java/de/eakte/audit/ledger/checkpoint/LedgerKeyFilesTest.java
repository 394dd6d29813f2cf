package de.eakte.audit.ledger.checkpoint;

import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.params.X25519PrivateKeyParameters;
import org.bouncycastle.crypto.util.PrivateKeyInfoFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LedgerKeyFilesTest {

    /** The seed 00 01 .. 1f, written by OpenSSL (through Python's cryptography package) for comparison. */
    private static final String OPENSSL_PRIVATE_PEM = """
            -----BEGIN PRIVATE KEY-----
            MC4CAQAwBQYDK2VwBCIEIAABAgMEBQYHCAkKCwwNDg8QERITFBUWFxgZGhscHR4f
            -----END PRIVATE KEY-----
            """;
    private static final String OPENSSL_PUBLIC_PEM = """
            -----BEGIN PUBLIC KEY-----
            MCowBQYDK2VwAyEAA6EHv/POEL4dcN0Y50vAmWfk1jCbpQ1fHdyGZBJVMbg=
            -----END PUBLIC KEY-----
            """;

    @TempDir
    Path dir;

    @Test
    void generationTakesItsRandomnessFromTheInjectedSource() {
        Ed25519PrivateKeyParameters key = LedgerKeyFiles.generate(new FixedRandom(0));
        assertThat(HexFormat.of().formatHex(key.getEncoded()))
                .isEqualTo("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f");
        assertThat(LedgerKeyFiles.generate(new FixedRandom(0)).getEncoded()).isEqualTo(key.getEncoded());
        assertThat(LedgerKeyFiles.generate(new FixedRandom(1)).getEncoded()).isNotEqualTo(key.getEncoded());
    }

    @Test
    void pemFormsAreExactlyWhatOpensslWrites() {
        Ed25519PrivateKeyParameters key = LedgerKeyFiles.generate(new FixedRandom(0));
        assertThat(LedgerKeyFiles.privateKeyPem(key)).isEqualTo(OPENSSL_PRIVATE_PEM);
        assertThat(LedgerKeyFiles.publicKeyPem(key.generatePublicKey())).isEqualTo(OPENSSL_PUBLIC_PEM);
        // RFC 8410 §7: SEQUENCE { INTEGER 0, SEQUENCE { OID 1.3.101.112 }, OCTET STRING { OCTET STRING (32) } }
        assertThat(HexFormat.of().formatHex(der(OPENSSL_PRIVATE_PEM))).startsWith("302e020100300506032b657004220420");
    }

    @Test
    void filesRoundTripAndThePrivateKeyIsOwnerOnly() throws Exception {
        Ed25519PrivateKeyParameters key = LedgerKeyFiles.generate(new FixedRandom(7));
        Path privateFile = dir.resolve("ledger.key");
        Path publicFile = dir.resolve("ledger.pub");
        LedgerKeyFiles.writePrivateKey(privateFile, key);
        LedgerKeyFiles.writePublicKey(publicFile, key.generatePublicKey());

        assertThat(LedgerKeyFiles.readPrivateKey(privateFile).getEncoded()).isEqualTo(key.getEncoded());
        assertThat(LedgerKeyFiles.readPublicKey(publicFile).getEncoded()).isEqualTo(key.generatePublicKey().getEncoded());
        if (privateFile.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(privateFile))).isEqualTo("rw-------");
        }
        assertThatThrownBy(() -> LedgerKeyFiles.writePrivateKey(privateFile, LedgerKeyFiles.generate(new FixedRandom(8))))
                .isInstanceOf(FileAlreadyExistsException.class);
        assertThat(LedgerKeyFiles.readPrivateKey(privateFile).getEncoded()).isEqualTo(key.getEncoded());
    }

    @Test
    void theJdkReadsOurKeyFilesAndVerifiesOurSignatures() throws Exception {
        // an independent Ed25519 and PKCS#8 / SPKI implementation: the JDK's own
        Ed25519PrivateKeyParameters key = LedgerKeyFiles.generate(new FixedRandom(42));
        KeyFactory factory = KeyFactory.getInstance("Ed25519");
        PrivateKey jdkPrivate = factory.generatePrivate(new PKCS8EncodedKeySpec(der(LedgerKeyFiles.privateKeyPem(key))));
        PublicKey jdkPublic = factory.generatePublic(new X509EncodedKeySpec(der(LedgerKeyFiles.publicKeyPem(key.generatePublicKey()))));
        assertThat(jdkPrivate.getAlgorithm()).isIn("Ed25519", "EdDSA");

        NoteSigner signer = new NoteSigner("eakte.example/ledger", key);
        Checkpoint checkpoint = new Checkpoint("eakte.example/ledger", 42, new byte[32], Instant.parse("2026-11-21T10:00:00Z"));
        NoteSignature signature = SignedCheckpoint.parse(signer.sign(checkpoint)).signatures().get(0);

        Signature jdk = Signature.getInstance("Ed25519");
        jdk.initVerify(jdkPublic);
        jdk.update(checkpoint.body().getBytes(StandardCharsets.UTF_8));
        assertThat(jdk.verify(signature.signature())).isTrue();
        jdk.initVerify(jdkPublic);
        jdk.update(checkpoint.body().replace("\n42\n", "\n43\n").getBytes(StandardCharsets.UTF_8));
        assertThat(jdk.verify(signature.signature())).isFalse();
    }

    @Test
    void rejectsWhatIsNotAnEd25519KeyOfTheRightKind() throws Exception {
        assertThatThrownBy(() -> LedgerKeyFiles.parsePrivateKeyPem(OPENSSL_PUBLIC_PEM))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("BEGIN PRIVATE KEY");
        assertThatThrownBy(() -> LedgerKeyFiles.parsePublicKeyPem(OPENSSL_PRIVATE_PEM))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("BEGIN PUBLIC KEY");
        assertThatThrownBy(() -> LedgerKeyFiles.parsePrivateKeyPem(OPENSSL_PRIVATE_PEM.replace("MC4", "M!4")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("base64");
        assertThatThrownBy(() -> LedgerKeyFiles.parsePrivateKeyPem(null)).isInstanceOf(IllegalArgumentException.class);

        // a well-formed PKCS#8 file of another algorithm (X25519, RFC 8410 too)
        byte[] x25519 = PrivateKeyInfoFactory.createPrivateKeyInfo(new X25519PrivateKeyParameters(new FixedRandom(3))).getEncoded();
        String otherPem = "-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder().encodeToString(x25519) + "\n-----END PRIVATE KEY-----\n";
        assertThatThrownBy(() -> LedgerKeyFiles.parsePrivateKeyPem(otherPem))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not an Ed25519 key");
    }

    @Test
    void pemWithWindowsLineEndsIsRead() {
        Ed25519PublicKeyParameters key = LedgerKeyFiles.parsePublicKeyPem(OPENSSL_PUBLIC_PEM.replace("\n", "\r\n"));
        assertThat(LedgerKeyFiles.publicKeyPem(key)).isEqualTo(OPENSSL_PUBLIC_PEM);
    }

    private static byte[] der(String pem) {
        String body = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        return Base64.getDecoder().decode(body);
    }
}
