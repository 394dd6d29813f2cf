package de.eakte.api.ledger;

import tools.jackson.databind.JsonNode;
import de.eakte.api.support.Http;
import de.eakte.api.support.PostgresApiTest;
import de.eakte.audit.ledger.StoredEvent;
import de.eakte.audit.ledger.checkpoint.SignedCheckpoint;
import de.eakte.audit.ledger.store.JdbcLedger;
import de.eakte.audit.ledger.tree.MerkleVerifier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import static de.eakte.api.support.ProblemAssertions.assertInvalid;
import static de.eakte.api.support.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The ledger of the running server on PostgreSQL: every event a leaf, signed checkpoints, proofs that verify. */
class LedgerIT extends PostgresApiTest {

    @Autowired
    private JdbcLedger ledger;

    /** Waits until every event stored so far is a leaf under a signed checkpoint; answers that checkpoint's size. */
    private long everythingSigned() {
        long newest = jdbc.queryForObject("SELECT MAX(global_index) FROM domain_event_entry", Long.class);
        await().atMost(Duration.ofSeconds(15)).until(() -> jdbc.queryForObject(
                "SELECT COUNT(*) FROM domain_event_entry e WHERE e.global_index <= ? AND NOT EXISTS "
                        + "(SELECT 1 FROM ledger_leaf l WHERE l.global_index = e.global_index)", Long.class, newest) == 0
                && ledger.latestCheckpoint().orElseThrow().treeSize() >= jdbc.queryForObject(
                "SELECT MAX(leaf_index) + 1 FROM ledger_leaf WHERE global_index <= ?", Long.class, newest));
        return ledger.latestCheckpoint().orElseThrow().treeSize();
    }

    /** Creates a citizen and reads the file with a purpose, waiting (Consistency-Token) for the read model. */
    private String citizenReadBy(String staff, String familyName, String givenNames, String dateOfBirth, int reads) {
        Http.Response created = http.post("/api/citizens", citizenBody(familyName, givenNames, dateOfBirth)).token(staff)
                .send();
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String citizenId = created.text("citizenId");
        for (int i = 0; i < reads; i++) {
            Http.Response read = http.get("/api/citizens/" + citizenId + "/file").token(staff).purpose("AMTSHILFE")
                    .header("Consistency-Token", created.header("Consistency-Token")).send();
            assertThat(read.status()).as(read.body()).isEqualTo(200);
        }
        return citizenId;
    }

    private static List<byte[]> hashes(JsonNode array) {
        List<byte[]> hashes = new ArrayList<>();
        array.forEach(h -> hashes.add(Base64.getDecoder().decode(h.asString())));
        return hashes;
    }

    @Test
    void aReadOfAFileIsALeafUnderASignedCheckpointAndItsInclusionProofVerifies() {
        String staff = staffToken("ledger-clerk", "33");
        citizenReadBy(staff, "Ledgermann", "Lea", "1980-02-02", 1);
        long size = everythingSigned();

        Http.Response checkpoint = http.get("/api/ledger/checkpoint").send(); // public: no token
        assertThat(checkpoint.status()).as(checkpoint.body()).isEqualTo(200);
        SignedCheckpoint signed = SignedCheckpoint.parse(checkpoint.text("note"));
        assertThat(signed.checkpoint().size()).isGreaterThanOrEqualTo(size);
        Http.Response keys = http.get("/api/ledger/keys").send();
        assertThat(keys.status()).isEqualTo(200);
        String verifierKey = keys.json().get(0).get("verifierKey").asString();
        assertThat(signed.verifiedBy(verifierKey)).isTrue();
        Http.Response note = http.get("/api/ledger/checkpoint").header("Accept", "text/plain").send();
        assertThat(note.body()).isEqualTo(signed.note());

        String access = jdbc.queryForObject("SELECT event_identifier FROM domain_event_entry WHERE payload_type LIKE "
                + "'%AccessRecorded' ORDER BY global_index DESC FETCH FIRST 1 ROWS ONLY", String.class);
        long treeSize = signed.checkpoint().size();
        Http.Response proof = http.get("/api/ledger/proof/inclusion?event=" + access + "&size=" + treeSize)
                .token(staff).send();
        assertThat(proof.status()).as(proof.body()).isEqualTo(200);
        long leafIndex = proof.json().get("leafIndex").asLong();
        StoredEvent row = ledger.event(ledger.leaf(leafIndex).orElseThrow().globalIndex()).orElseThrow();
        assertThat(row.eventIdentifier()).isEqualTo(access);
        byte[] leafHash = row.leafHash(); // recomputed from the stored row, not taken from the ledger
        assertThat(Base64.getDecoder().decode(proof.text("leafHash"))).isEqualTo(leafHash);
        assertThat(MerkleVerifier.inclusion(leafHash, leafIndex, treeSize, hashes(proof.json().get("inclusionPath")),
                signed.checkpoint().rootHash())).isTrue();
        assertThat(proof.text("checkpoint")).isEqualTo(signed.note());

        // the same leaf by index
        Http.Response byIndex = http.get("/api/ledger/proof/inclusion?leaf=" + leafIndex + "&size=" + treeSize)
                .token(staff).send();
        assertThat(byIndex.json().get("inclusionPath")).isEqualTo(proof.json().get("inclusionPath"));
    }

    @Test
    void everyCheckpointIsConsistentWithTheLatestOne() {
        createCitizen(staffToken("ledger-clerk", "33"), citizenBody("Konsistent", "Kai", "1975-05-05"));
        long size = everythingSigned();
        long first = jdbc.queryForObject("SELECT MIN(tree_size) FROM ledger_checkpoint", Long.class);
        String token = token("citizen", "ledger-citizen", null, java.util.UUID.randomUUID().toString());
        Http.Response older = http.get("/api/ledger/checkpoint/" + first).send();
        assertThat(older.status()).isEqualTo(200);
        byte[] oldRoot = Base64.getDecoder().decode(older.text("rootHash"));
        byte[] newRoot = ledger.checkpoint(size).orElseThrow().rootHash();
        Http.Response proof = http.get("/api/ledger/proof/consistency?from=" + first + "&to=" + size).token(token).send();
        assertThat(proof.status()).as(proof.body()).isEqualTo(200);
        assertThat(MerkleVerifier.consistency(first, size, oldRoot, newRoot, hashes(proof.json().get("consistencyPath"))))
                .isTrue();
        assertThat(MerkleVerifier.consistency(first, size, newRoot, newRoot, hashes(proof.json().get("consistencyPath"))))
                .as("a proof is bound to the old root").isFalse();
    }

    @Test
    void proofsNeedATokenAndBadParametersAreProblemsNamingTheField() {
        everythingSigned();
        String staff = staffToken("ledger-clerk", "33");
        assertProblem(http.get("/api/ledger/proof/inclusion?leaf=0").send(), 401, "unauthenticated");
        assertInvalid(http.get("/api/ledger/proof/inclusion?leaf=abc").token(staff).send(), "leaf", "number");
        assertInvalid(http.get("/api/ledger/proof/inclusion?leaf=0&event=x").token(staff).send(), "event", "one-of");
        assertProblem(http.get("/api/ledger/proof/inclusion?event=no-such-event").token(staff).send(), 404, "not-found");
        assertInvalid(http.get("/api/ledger/proof/inclusion?leaf=0&size=" + Long.MAX_VALUE).token(staff).send(), "size",
                "within-tree");
        assertInvalid(http.get("/api/ledger/proof/consistency?from=3&to=2").token(staff).send(), "from",
                "from-not-after-to");
        assertInvalid(http.get("/api/ledger/checkpoint/0").send(), "size", "number");
        assertProblem(http.get("/api/ledger/checkpoint/" + Long.MAX_VALUE).send(), 404, "not-found");
    }

    @Test
    void aCitizenChecksTheirAccessEntriesAgainstTheLedgerWithoutLearningTheStaffMember() {
        String staff = staffToken("ledger-clerk-secret", "33");
        String citizenId = citizenReadBy(staff, "Prüfbar", "Paula", "1988-08-08", 2);
        String citizen = token("citizen", "ledger-citizen", null, citizenId);
        await().atMost(Duration.ofSeconds(15)).until(() -> {
            JsonNode entries = http.get("/api/me/access-log").token(citizen).send().json().get("entries");
            return entries.size() == 2 && !entries.get(0).get("leafIndex").isNull() && !entries.get(1).get("leafIndex").isNull();
        });
        everythingSigned();
        JsonNode entries = http.get("/api/me/access-log").token(citizen).send().json().get("entries");
        // the shared test clock stands still, so both entries may have the same time: order by the chain
        boolean firstIsNewer = entries.get(0).get("chainSequence").asLong() > entries.get(1).get("chainSequence").asLong();
        JsonNode newest = entries.get(firstIsNewer ? 0 : 1);
        JsonNode older = entries.get(firstIsNewer ? 1 : 0);
        assertThat(older.get("chainSequence").asLong()).isEqualTo(0);
        assertThat(older.get("previousHash").isNull()).isTrue();
        assertThat(newest.get("chainSequence").asLong()).isEqualTo(1);

        String verifierKey = http.get("/api/ledger/keys").send().json().get(0).get("verifierKey").asString();
        byte[] olderLeafHash = null;
        for (JsonNode entry : List.of(older, newest)) {
            Http.Response proof = http.get("/api/me/access-log/" + entry.get("referenceNumber").asString() + "/proof")
                    .token(citizen).send();
            assertThat(proof.status()).as(proof.body()).isEqualTo(200);
            byte[] leafInput = Base64.getDecoder().decode(proof.text("leafInput"));
            byte[] leafHash = StoredEvent.leafHash(leafInput); // the app hashes the bytes itself
            assertThat(proof.json().get("leafIndex").asLong()).isEqualTo(entry.get("leafIndex").asLong());
            SignedCheckpoint checkpoint = SignedCheckpoint.parse(proof.text("checkpoint"));
            assertThat(checkpoint.verifiedBy(verifierKey)).isTrue();
            assertThat(MerkleVerifier.inclusion(leafHash, entry.get("leafIndex").asLong(), checkpoint.checkpoint().size(),
                    hashes(proof.json().get("inclusionPath")), checkpoint.checkpoint().rootHash())).isTrue();
            // the chain: each entry names the leaf hash of the one before it
            if (olderLeafHash != null) {
                assertThat(Base64.getDecoder().decode(proof.text("previousHash"))).isEqualTo(olderLeafHash);
            }
            olderLeafHash = leafHash;
            // the staff member is in the leaf only sealed
            assertThat(new String(leafInput, java.nio.charset.StandardCharsets.UTF_8)).doesNotContain("ledger-clerk-secret");
        }
        // another citizen cannot fetch this entry's proof
        String other = token("citizen", "someone-else", null, java.util.UUID.randomUUID().toString());
        assertProblem(http.get("/api/me/access-log/" + newest.get("referenceNumber").asString() + "/proof").token(other)
                .send(), 404, "not-found");
    }
}
