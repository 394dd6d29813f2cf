package de.eakte.audit.ledger.tree;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An independent implementation checks our consistency proofs: {@code @transmute/rfc9162} (npm,
 * version pinned in {@code src/test/node/consistency-cross-check/package-lock.json}, installed by
 * the build with {@code npm ci}) verifies, in one Node.js run, PROOF(m, D[n]) from
 * {@link MerkleProofs} for every 1 <= m < n <= {@value #MAX}, and rejects each proof with one bit
 * flipped, each proof against a wrong old root and each against a wrong new root. For m = n the
 * proof is empty, and RFC 9162 §2.1.4.2 step 1 rejects an empty path, so those pairs are covered
 * by the RFC transcription and reference vectors only. Needs {@code node} on the PATH: without it
 * the test fails, it never skips. See docs/ledger.md.
 */
class ConsistencyCrossCheckTest {

    private static final int MAX = 64;
    private static final Path TOOL_DIR = Path.of(System.getProperty("eakte.crossCheckDir", "target/consistency-cross-check"));

    private static final TestTree TREE = TestTree.withLeaves(MAX);

    @TempDir
    static Path work;

    /** Case id to verdict of the independent verifier ("accepted", "rejected", "error ..."). */
    private static Map<String, String> verdicts;
    private static final Map<String, Case> CASES = new LinkedHashMap<>();

    record Case(String id, long m, long n, byte[] oldRoot, byte[] newRoot, List<byte[]> proof, boolean rfcStep2) {
    }

    @BeforeAll
    static void verifyAllCasesInOneRun() throws Exception {
        for (int n = 2; n <= MAX; n++) {
            for (int m = 1; m < n; m++) {
                List<byte[]> proof = MerkleProofs.consistency(m, n, TREE.at(n));
                byte[] oldRoot = TREE.roots.get(m);
                byte[] newRoot = TREE.roots.get(n);
                add(new Case("valid/" + m + "/" + n, m, n, oldRoot, newRoot, proof, true));

                List<byte[]> flipped = new ArrayList<>(proof);
                int element = (m + n) % proof.size();
                flipped.set(element, flipBit(proof.get(element), (m * 7 + n) % 256));
                add(new Case("flippedBit/" + m + "/" + n, m, n, oldRoot, newRoot, flipped, true));

                // the true root of another size, and a root that belongs to no size at all
                byte[] wrongOld = m > 1 ? TREE.roots.get(m - 1) : flipBit(oldRoot, n % 256);
                add(new Case("wrongOldRoot/" + m + "/" + n, m, n, wrongOld, newRoot, proof, true));
                add(new Case("wrongNewRoot/" + m + "/" + n, m, n, oldRoot, flipBit(newRoot, m % 256), proof, true));
            }
        }
        // The library's one deviation from the RFC, handled in verify-consistency.js: without RFC
        // 9162 §2.1.4.2 step 2 it rejects a correct proof from an old size that is a power of two.
        add(new Case("withoutStep2/4/8", 4, 8, TREE.roots.get(4), TREE.roots.get(8),
                MerkleProofs.consistency(4, 8, TREE.at(8)), false));
        verdicts = runIndependentVerifier();
    }

    @Test
    void independentVerifierAcceptsEveryConsistencyProofWeServe() {
        List<String> wrong = misjudged("valid/", "accepted");
        assertThat(count("valid/")).isEqualTo(MAX * (MAX - 1) / 2);
        assertThat(wrong).as("proofs @transmute/rfc9162 did not accept").isEmpty();
    }

    @Test
    void independentVerifierRejectsAProofWithOneBitFlipped() {
        assertThat(count("flippedBit/")).isEqualTo(MAX * (MAX - 1) / 2);
        assertThat(misjudged("flippedBit/", "rejected")).as("tampered proofs @transmute/rfc9162 accepted").isEmpty();
    }

    @Test
    void independentVerifierRejectsAWrongOldOrNewRoot() {
        assertThat(misjudged("wrongOldRoot/", "rejected")).as("wrong old roots @transmute/rfc9162 accepted").isEmpty();
        assertThat(misjudged("wrongNewRoot/", "rejected")).as("wrong new roots @transmute/rfc9162 accepted").isEmpty();
    }

    @Test
    void withoutTheRfcsStep2TheLibraryRejectsProofsFromAPowerOfTwo() {
        // If an upgrade of the pinned library starts accepting this, its step 2 moved into the
        // library, and the prepending in verify-consistency.js must go (it would then fail).
        assertThat(verdicts.get("withoutStep2/4/8")).isNotEqualTo("accepted");
    }

    private static void add(Case c) {
        CASES.put(c.id(), c);
    }

    private static long count(String prefix) {
        return verdicts.keySet().stream().filter(id -> id.startsWith(prefix)).count();
    }

    /** Ids with the prefix whose verdict is not the expected one, each with the case and verdict. */
    private static List<String> misjudged(String prefix, String expected) {
        List<String> wrong = new ArrayList<>();
        for (Case c : CASES.values()) {
            if (c.id().startsWith(prefix) && !expected.equals(verdicts.get(c.id()))) {
                wrong.add(c.id() + ": " + verdicts.get(c.id()) + ", proof " + TestTree.hexOf(c.proof()));
            }
        }
        return wrong.size() > 10 ? wrong.subList(0, 10) : wrong;
    }

    private static Map<String, String> runIndependentVerifier() throws IOException, InterruptedException {
        Path script = TOOL_DIR.resolve("verify-consistency.js");
        if (!Files.isDirectory(TOOL_DIR.resolve("node_modules/@transmute/rfc9162"))) {
            throw new AssertionError("The independent verifier is not installed in " + TOOL_DIR.toAbsolutePath()
                    + ": run the audit module's build (mvn -pl audit test-compile), whose process-test-resources"
                    + " phase runs 'npm ci' there (docs/ledger.md)");
        }
        Path input = work.resolve("consistency-cases.json");
        Path output = work.resolve("consistency-results.txt");
        Files.writeString(input, casesJson(), StandardCharsets.UTF_8);

        ProcessBuilder builder = new ProcessBuilder(nodeExecutable(), script.toAbsolutePath().toString(),
                input.toString(), output.toString())
                .directory(TOOL_DIR.toFile())
                .redirectErrorStream(true)
                .redirectOutput(work.resolve("node.log").toFile());
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new AssertionError("Node.js ('node') is needed for the consistency cross-check and could not be"
                    + " started: install Node.js 18 or later (docs/ledger.md)", e);
        }
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the independent verifier did not finish within 60 s");
        }
        String log = Files.readString(work.resolve("node.log"));
        assertThat(process.exitValue()).as("node verify-consistency.js exit code; its output:%n%s", log).isZero();

        Map<String, String> result = new LinkedHashMap<>();
        for (String line : Files.readAllLines(output, StandardCharsets.UTF_8)) {
            if (!line.isBlank()) {
                int space = line.indexOf(' ');
                result.put(line.substring(0, space), line.substring(space + 1));
            }
        }
        assertThat(result.keySet()).as("a verdict for every case").containsExactlyElementsOf(CASES.keySet());
        return result;
    }

    private static String nodeExecutable() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path node = Path.of(dir, "node");
            if (Files.isExecutable(node)) {
                return node.toString();
            }
        }
        throw new AssertionError("Node.js ('node') is not on the PATH; the consistency cross-check needs Node.js 18"
                + " or later and does not skip without it (docs/ledger.md)");
    }

    private static String casesJson() {
        HexFormat hex = HexFormat.of();
        StringBuilder json = new StringBuilder("[\n");
        for (Case c : CASES.values()) {
            json.append(json.length() > 2 ? ",\n" : "")
                    .append("{\"id\":\"").append(c.id())
                    .append("\",\"m\":").append(c.m())
                    .append(",\"n\":").append(c.n())
                    .append(",\"oldRoot\":\"").append(hex.formatHex(c.oldRoot()))
                    .append("\",\"newRoot\":\"").append(hex.formatHex(c.newRoot()))
                    .append("\",\"rfcStep2\":").append(c.rfcStep2())
                    .append(",\"proof\":[");
            for (int i = 0; i < c.proof().size(); i++) {
                json.append(i > 0 ? "," : "").append('"').append(hex.formatHex(c.proof().get(i))).append('"');
            }
            json.append("]}");
        }
        return json.append("\n]\n").toString();
    }

    private static byte[] flipBit(byte[] hash, int bit) {
        byte[] changed = hash.clone();
        changed[bit / 8] ^= (byte) (1 << (bit % 8));
        return changed;
    }
}
