package de.eakte.audit.ledger.checkpoint;

import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SignedCheckpointTest {

    private static final String ORIGIN = "eakte.example/ledger";
    private static final Instant TIME = Instant.parse("2026-11-21T10:00:00Z");

    private final NoteSigner signer = new NoteSigner(ORIGIN, LedgerKeyFiles.generate(new FixedRandom(0)));
    private final Checkpoint checkpoint = new Checkpoint(ORIGIN, 1234, sha256("root"), TIME);

    /**
     * Pinned: any change to the text form, key hash or signing shows up here first. The key is the
     * seed 00 01 .. 1f; the same note and verifier key were reproduced independently with OpenSSL's
     * Ed25519 (through Python's cryptography package) from the spec's definitions.
     */
    private static final String PINNED_NOTE = """
            eakte.example/ledger
            1234
            SBNJTRN+FjG7owHVrKtue7eqdM4RhdRWVl71HXN2d7I=
            time 1795255200

            \u2014 eakte.example/ledger 68/IXRDyEsjxmYFyqVWKtfxNPPJJvtzjmUtbopFFV4nF6w1Hp8LiS/i4mHJj2Ngm9cBClVtXNn6lfylL/03tXftu4Ak=
            """;
    private static final String PINNED_VERIFIER_KEY =
            "eakte.example/ledger+ebcfc85d+AQOhB7/zzhC+HXDdGOdLwJln5NYwm6UNXx3chmQSVTG4";

    @Test
    void knownAnswerForAFixedKeyAndCheckpoint() {
        assertThat(signer.sign(checkpoint)).isEqualTo(PINNED_NOTE);
        assertThat(signer.verifierKey()).isEqualTo(PINNED_VERIFIER_KEY);
        assertThat(signer.keyHashHex()).isEqualTo("ebcfc85d");
        assertThat(SignedCheckpoint.parse(PINNED_NOTE).verifiedBy(PINNED_VERIFIER_KEY)).isTrue();
    }

    @Test
    void bodyIsTheTlogCheckpointTextWithATimeExtensionLine() {
        assertThat(checkpoint.body()).isEqualTo(ORIGIN + "\n1234\n"
                + Base64.getEncoder().encodeToString(sha256("root")) + "\ntime " + TIME.getEpochSecond() + "\n");
        assertThat(Checkpoint.parse(checkpoint.body())).isEqualTo(checkpoint);
    }

    @Test
    void timeIsKeptToWholeSeconds() {
        Checkpoint precise = new Checkpoint(ORIGIN, 1, sha256("x"), Instant.parse("2026-11-21T10:00:00.987654321Z"));
        assertThat(precise.time()).isEqualTo(Instant.parse("2026-11-21T10:00:00Z"));
    }

    @Test
    void roundTripParsesAndVerifies() {
        String note = signer.sign(checkpoint);
        SignedCheckpoint parsed = SignedCheckpoint.parse(note);
        assertThat(parsed.checkpoint()).isEqualTo(checkpoint);
        assertThat(parsed.note()).isEqualTo(note);
        assertThat(parsed.signatures()).singleElement().satisfies(signature -> {
            assertThat(signature.keyName()).isEqualTo(ORIGIN);
            assertThat(signature.keyHashHex()).isEqualTo(signer.keyHashHex());
            assertThat(signature.signature()).hasSize(64);
        });
        assertThat(parsed.verifiedBy(signer.verifierKey())).isTrue();
    }

    @Test
    void emptyTreeCheckpointRoundTrips() {
        byte[] emptyRoot = sha256("");
        Checkpoint empty = new Checkpoint(ORIGIN, 0, emptyRoot, TIME);
        SignedCheckpoint parsed = SignedCheckpoint.parse(signer.sign(empty));
        assertThat(parsed.checkpoint()).isEqualTo(empty);
        assertThat(parsed.note()).startsWith(ORIGIN + "\n0\n47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=\n");
        assertThat(parsed.verifiedBy(signer.verifierKey())).isTrue();
    }

    @Test
    void anyChangeToTheSignedTextFailsVerification() {
        String note = signer.sign(checkpoint);
        String root = Base64.getEncoder().encodeToString(sha256("root"));
        String otherRoot = Base64.getEncoder().encodeToString(sha256("other root"));
        List<String> tampered = List.of(
                note.replace("\n1234\n", "\n1235\n"),
                note.replace(root, otherRoot),
                note.replace("time " + TIME.getEpochSecond(), "time " + (TIME.getEpochSecond() + 1)),
                note.replaceFirst("eakte.example/ledger\n", "eakte.example/ledger2\n"));
        for (String changed : tampered) {
            assertThat(changed).isNotEqualTo(note);
            SignedCheckpoint parsed = SignedCheckpoint.parse(changed);
            assertThat(parsed.verifiedBy(signer.verifierKey())).as(changed).isFalse();
        }
    }

    @Test
    void aFlippedSignatureBitFails() {
        SignedCheckpoint good = SignedCheckpoint.parse(signer.sign(checkpoint));
        NoteSignature original = good.signatures().get(0);
        for (int bit = 0; bit < 64 * 8; bit += 37) {
            byte[] bytes = original.signature();
            bytes[bit / 8] ^= (byte) (1 << (bit % 8));
            SignedCheckpoint bad = withSignatures(List.of(new NoteSignature(ORIGIN, original.keyHash(), bytes)));
            assertThat(bad.verifiedBy(signer.verifierKey())).as("bit %d", bit).isFalse();
        }
    }

    @Test
    void anotherKeyDoesNotVerifyEvenUnderTheSameName() {
        NoteSigner other = new NoteSigner(ORIGIN, LedgerKeyFiles.generate(new FixedRandom(100)));
        assertThat(other.keyHashHex()).isNotEqualTo(signer.keyHashHex());
        SignedCheckpoint parsed = SignedCheckpoint.parse(signer.sign(checkpoint));
        assertThat(parsed.verifiedBy(other.verifierKey())).isFalse();
        // a forged signature line claiming our name and key hash, made with the other key
        NoteSignature forged = SignedCheckpoint.parse(other.sign(checkpoint)).signatures().get(0);
        SignedCheckpoint impostor = withSignatures(List.of(
                new NoteSignature(ORIGIN, parsed.signatures().get(0).keyHash(), forged.signature())));
        assertThat(impostor.verifiedBy(signer.verifierKey())).isFalse();
    }

    @Test
    void signaturesOfUnknownKeysAreIgnoredButABadOneOfOursSpoilsTheNote() {
        NoteSignature ours = SignedCheckpoint.parse(signer.sign(checkpoint)).signatures().get(0);
        NoteSignature witness = new NoteSignature("witness.example/w1", 0x12345678, new byte[72]);
        assertThat(withSignatures(List.of(witness, ours)).verifiedBy(signer.verifierKey())).isTrue();
        assertThat(withSignatures(List.of(witness)).verifiedBy(signer.verifierKey())).isFalse();
        NoteSignature broken = new NoteSignature(ORIGIN, ours.keyHash(), new byte[64]);
        assertThat(withSignatures(List.of(ours, broken)).verifiedBy(signer.verifierKey())).isFalse();
    }

    @Test
    void keyHashIsComputedAsTheSpecSays() throws Exception {
        // SHA-256(key name || 0x0A || 0x01 || 32-byte public key)[:4], c2sp.org/signed-note
        byte[] publicKey = signer.publicKey().getEncoded();
        MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
        sha256.update("eakte.example/ledger".getBytes(StandardCharsets.UTF_8));
        sha256.update(new byte[] {0x0a, 0x01});
        byte[] digest = sha256.digest(publicKey);
        String byHand = HexFormat.of().formatHex(digest, 0, 4);
        assertThat(signer.keyHashHex()).isEqualTo(byHand);
        assertThat(signer.verifierKey()).isEqualTo("eakte.example/ledger+" + byHand + "+"
                + Base64.getEncoder().encodeToString(concat(new byte[] {0x01}, publicKey)));
    }

    @Test
    void malformedVerifierKeysAreRejected() {
        String good = signer.verifierKey();
        String[] parts = good.split("\\+", 3);
        SignedCheckpoint parsed = SignedCheckpoint.parse(signer.sign(checkpoint));
        assertThatThrownBy(() -> parsed.verifiedBy(parts[0] + "+00000000+" + parts[2]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("does not match");
        assertThatThrownBy(() -> parsed.verifiedBy(parts[0] + "+" + parts[1]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("<name>+<hash>+<key>");
        assertThatThrownBy(() -> parsed.verifiedBy(parts[0] + "+" + parts[1].toUpperCase() + "+" + parts[2]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("lowercase hex");
        byte[] typed = Base64.getDecoder().decode(parts[2]);
        typed[0] = 0x04;
        assertThatThrownBy(() -> parsed.verifiedBy(parts[0] + "+" + parts[1] + "+" + Base64.getEncoder().encodeToString(typed)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Ed25519");
        assertThatThrownBy(() -> parsed.verifiedBy((String) null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void parseRejectsMalformedNotesSayingWhatIsWrong() {
        String note = signer.sign(checkpoint);
        String sigLine = note.substring(note.indexOf("\n\n") + 2);
        String root = Base64.getEncoder().encodeToString(sha256("root"));
        String body = checkpoint.body();
        Object[][] cases = {
                {"", "empty"},
                {note.substring(0, note.length() - 1), "end with a newline"},
                {body, "no blank line"},
                {body + "\n", "no signature lines"},
                {note.replace("\n", "\r\n"), "control character U+000D"},
                {note.replace("1234", "12\t34"), "control character U+0009"},
                {note.replace("\u2014 ", "- "), "em dash"},
                {note.replace("\u2014 ", "\u2014  "), "single spaces"},
                {note.replace(ORIGIN + " ", "eakte+ledger "), "'+'"},
                {body + "\n" + sigLine.replace("=\n", "\n"), "canonical base64"},
                {body + "\n" + "\u2014 " + ORIGIN + " AAAA\n", "4-byte key hash and a signature"},
                {body + "\n" + "\u2014 " + ORIGIN + " !!!!\n", "not valid base64"},
                {note.replace("\n1234\n", "\n01234\n"), "leading zeroes"},
                {note.replace("\n1234\n", "\n-1\n"), "decimal number"},
                {note.replace("\n1234\n", "\n99999999999999999999\n"), "decimal number"},
                {note.replace("\n1234\n", "\n\n"), "tree size (line 2)"},
                {note.replace(root, Base64.getEncoder().encodeToString(new byte[31])), "32 bytes"},
                {note.replace(root, root.replace("=", "")), "canonical base64"},
                {note.replace("time ", "Time "), "line 4 must be \"time <POSIX seconds>\""},
                {note.replace("time 17", "time 017"), "leading zeroes"},
                {note.replace("time " + TIME.getEpochSecond() + "\n", ""), "needs 4 lines"},
                {note.replace("time " + TIME.getEpochSecond() + "\n", "time " + TIME.getEpochSecond() + "\nextra\n"),
                        "extension line"},
                {note.replaceFirst(ORIGIN + "\n", "\n"), "origin (line 1) must not be empty"},
                {note.replaceFirst(ORIGIN + "\n", "eakte example\n"), "spaces"},
                {body + "\n" + sigLine.repeat(101), "more than 100 signatures"},
                {body + "\n" + sigLine + "\n" + sigLine, "extension line"},
        };
        for (Object[] c : cases) {
            String malformed = (String) c[0];
            assertThatThrownBy(() -> SignedCheckpoint.parse(malformed))
                    .as("note %s", malformed.replace("\n", "\\n"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining((String) c[1]);
        }
        assertThatThrownBy(() -> SignedCheckpoint.parse(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theThreePartsMustAgree() {
        SignedCheckpoint parsed = SignedCheckpoint.parse(signer.sign(checkpoint));
        Checkpoint other = new Checkpoint(ORIGIN, 1235, sha256("root"), TIME);
        assertThatThrownBy(() -> new SignedCheckpoint(other, parsed.note(), parsed.signatures()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("does not match");
        assertThatThrownBy(() -> new SignedCheckpoint(checkpoint, parsed.note(), List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least one signature");
    }

    @Test
    void checkpointsValidateTheirParts() {
        assertThatThrownBy(() -> new Checkpoint("", 1, sha256("x"), TIME)).hasMessageContaining("empty");
        assertThatThrownBy(() -> new Checkpoint("a b", 1, sha256("x"), TIME)).hasMessageContaining("spaces");
        assertThatThrownBy(() -> new Checkpoint(ORIGIN, -1, sha256("x"), TIME)).hasMessageContaining("negative");
        assertThatThrownBy(() -> new Checkpoint(ORIGIN, 1, new byte[20], TIME)).hasMessageContaining("32 bytes");
        assertThatThrownBy(() -> new Checkpoint(ORIGIN, 1, sha256("x"), Instant.parse("1969-12-31T23:59:59Z")))
                .hasMessageContaining("1970");
        assertThatThrownBy(() -> new NoteSigner("a+b", new Ed25519PrivateKeyParameters(new byte[32])))
                .hasMessageContaining("'+'");
    }

    private SignedCheckpoint withSignatures(List<NoteSignature> signatures) {
        StringBuilder note = new StringBuilder(checkpoint.body()).append('\n');
        for (NoteSignature signature : new ArrayList<>(signatures)) {
            note.append(signature.line());
        }
        return SignedCheckpoint.parse(note.toString());
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
