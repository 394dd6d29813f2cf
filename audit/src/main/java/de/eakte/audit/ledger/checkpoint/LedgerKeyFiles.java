package de.eakte.audit.ledger.checkpoint;

import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.util.PrivateKeyFactory;
import org.bouncycastle.crypto.util.PublicKeyFactory;
import org.bouncycastle.crypto.util.SubjectPublicKeyInfoFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;

/**
 * The ledger's Ed25519 key pair on disk, in the forms every tool reads (openssl, the JDK, Go):
 * the private key as PKCS#8 (RFC 5958, Ed25519 per RFC 8410 §7) and the public key as
 * SubjectPublicKeyInfo (RFC 8410 §4), both PEM (RFC 7468 §10 and §13).
 */
public final class LedgerKeyFiles {

    /** id-Ed25519, RFC 8410 §3. */
    private static final ASN1ObjectIdentifier ID_ED25519 = new ASN1ObjectIdentifier("1.3.101.112");
    private static final String PRIVATE_LABEL = "PRIVATE KEY";
    private static final String PUBLIC_LABEL = "PUBLIC KEY";

    private LedgerKeyFiles() {
    }

    /** A new key pair; the randomness is injected so that tests can be repeatable. */
    public static Ed25519PrivateKeyParameters generate(SecureRandom random) {
        return new Ed25519PrivateKeyParameters(Objects.requireNonNull(random, "random"));
    }

    /**
     * PKCS#8 v1 without the optional public key, the RFC 8410 §10.3 shape that openssl writes:
     * SEQUENCE { 0, { 1.3.101.112 }, OCTET STRING { OCTET STRING { 32-byte seed } } }.
     */
    public static String privateKeyPem(Ed25519PrivateKeyParameters key) {
        try {
            PrivateKeyInfo info = new PrivateKeyInfo(new AlgorithmIdentifier(ID_ED25519),
                    new DEROctetString(key.getEncoded()));
            return pem(PRIVATE_LABEL, info.getEncoded(ASN1Encoding.DER));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String publicKeyPem(Ed25519PublicKeyParameters key) {
        try {
            return pem(PUBLIC_LABEL, SubjectPublicKeyInfoFactory.createSubjectPublicKeyInfo(key).getEncoded(ASN1Encoding.DER));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Ed25519PrivateKeyParameters parsePrivateKeyPem(String pem) {
        AsymmetricKeyParameter key;
        try {
            key = PrivateKeyFactory.createKey(unpem(pem, PRIVATE_LABEL));
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("not a PKCS#8 private key: " + e.getMessage(), e);
        }
        if (!(key instanceof Ed25519PrivateKeyParameters ed25519)) {
            throw new IllegalArgumentException("the private key is not an Ed25519 key but " + key.getClass().getSimpleName());
        }
        return ed25519;
    }

    public static Ed25519PublicKeyParameters parsePublicKeyPem(String pem) {
        AsymmetricKeyParameter key;
        try {
            key = PublicKeyFactory.createKey(unpem(pem, PUBLIC_LABEL));
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("not a SubjectPublicKeyInfo public key: " + e.getMessage(), e);
        }
        if (!(key instanceof Ed25519PublicKeyParameters ed25519)) {
            throw new IllegalArgumentException("the public key is not an Ed25519 key but " + key.getClass().getSimpleName());
        }
        return ed25519;
    }

    /**
     * Writes a new private key file readable by its owner only (where the file system has POSIX
     * permissions). Refuses to overwrite: replacing the ledger key is a key rotation, not a save.
     */
    public static void writePrivateKey(Path file, Ed25519PrivateKeyParameters key) throws IOException {
        byte[] content = privateKeyPem(key).getBytes(StandardCharsets.US_ASCII);
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } else {
            Files.createFile(file);
        }
        Files.write(file, content);
    }

    public static void writePublicKey(Path file, Ed25519PublicKeyParameters key) throws IOException {
        Files.writeString(file, publicKeyPem(key), StandardCharsets.US_ASCII);
    }

    public static Ed25519PrivateKeyParameters readPrivateKey(Path file) throws IOException {
        return parsePrivateKeyPem(Files.readString(file, StandardCharsets.US_ASCII));
    }

    public static Ed25519PublicKeyParameters readPublicKey(Path file) throws IOException {
        return parsePublicKeyPem(Files.readString(file, StandardCharsets.US_ASCII));
    }

    private static String pem(String label, byte[] der) {
        // RFC 7468 §2: base64 lines of exactly 64 characters, except the last
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        return "-----BEGIN " + label + "-----\n" + body + "\n-----END " + label + "-----\n";
    }

    private static byte[] unpem(String pem, String label) {
        if (pem == null) {
            throw new IllegalArgumentException("PEM text is missing");
        }
        String begin = "-----BEGIN " + label + "-----";
        String end = "-----END " + label + "-----";
        String trimmed = pem.strip();
        if (!trimmed.startsWith(begin) || !trimmed.endsWith(end)) {
            throw new IllegalArgumentException("expected a PEM block \"" + begin + "\" ... \"" + end + "\"");
        }
        String base64 = trimmed.substring(begin.length(), trimmed.length() - end.length()).replaceAll("[\\r\\n\\t ]", "");
        try {
            return Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("PEM body is not base64: " + e.getMessage());
        }
    }
}
