package de.eakte.bench.jmh;

import de.eakte.core.access.DataCategory;
import de.eakte.core.access.policy.AccessDecision;
import de.eakte.core.access.policy.AccessPolicy;
import de.eakte.core.access.policy.AccessRequest;
import de.eakte.core.access.policy.CaseFact;
import de.eakte.core.access.policy.DefaultPurposes;
import de.eakte.core.access.policy.InformationBlock;
import de.eakte.core.access.policy.Purpose;
import de.eakte.core.access.policy.PurposeCode;
import de.eakte.core.access.policy.PurposeDirectory;
import de.eakte.core.access.policy.StatedPurpose;
import de.eakte.core.cases.CaseFields;
import de.eakte.core.cases.CaseStatus;
import de.eakte.core.cases.FileReference;
import de.eakte.core.catalogue.Catalogue;
import de.eakte.core.catalogue.Confidentiality;
import de.eakte.core.crypto.FieldSealer;
import de.eakte.core.crypto.InMemoryDataKeys;
import de.eakte.core.crypto.KeyId;
import de.eakte.core.crypto.NonceSource;
import de.eakte.core.crypto.Opened;
import de.eakte.core.crypto.Sealed;
import de.eakte.core.shared.Actor;
import de.eakte.core.shared.CaseId;
import de.eakte.core.shared.CitizenId;
import de.eakte.core.shared.OfficeCode;
import de.eakte.core.shared.Role;
import de.eakte.projections.search.SearchText;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * JMH benchmarks of the hot paths that exist now: sealing and opening a personal field
 * (AES-256-GCM, {@link FieldSealer}), one access-policy decision, and the search keys of a name
 * (normalised, folded, Kölner Phonetik, stem), and the ledger's Merkle append, inclusion proof
 * (from perfect nodes in memory, so the figure is the computation, not the database) and its
 * verification.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class HotPaths {

    /** 1,000 characters of entry text. */
    private static final String TEXT = "Antrag auf Personalausweis, Lichtbild liegt vor, Unterschrift fehlt noch. ".repeat(14)
            .substring(0, 1000);

    private FieldSealer sealer;
    private KeyId key;
    private String aggregateId;
    private Sealed sealed;
    private AccessPolicy policy;
    private AccessRequest purposeRead;
    private String[] names;
    private int next;
    private de.eakte.audit.ledger.tree.MerkleFrontier frontier;
    private final java.util.Map<de.eakte.audit.ledger.tree.NodeAddress, byte[]> nodes = new java.util.HashMap<>();
    private byte[] leafHash;
    private byte[] root;
    private List<byte[]> proof;
    private static final int TREE = 1 << 16;

    @Setup
    public void setUp() {
        sealer = new FieldSealer(new InMemoryDataKeys(new Random(7)), NonceSource.secureRandom());
        CitizenId citizen = new CitizenId(UUID.fromString("0c1d2e3f-4a5b-4c6d-8e7f-101112131415"));
        key = KeyId.citizen(citizen);
        aggregateId = citizen.toString();
        sealed = sealer.seal(key, aggregateId, CaseFields.ENTRY_TEXT, TEXT);

        List<Purpose> purposes = DefaultPurposes.of(Catalogue.defaults());
        PurposeDirectory directory = new PurposeDirectory() {
            @Override
            public Optional<Purpose> find(OfficeCode office, PurposeCode code) {
                return purposes.stream().filter(p -> p.office().equals(office) && p.code().equals(code)).findFirst();
            }

            @Override
            public List<Purpose> of(OfficeCode office) {
                return purposes.stream().filter(p -> p.office().equals(office)).toList();
            }
        };
        policy = new AccessPolicy(directory, AccessPolicy.DEFAULT_CASE_CONTEXT, AccessPolicy.DEFAULT_BREAK_GLASS_DAILY_QUOTA);
        Instant now = Instant.parse("2026-11-02T10:15:30Z");
        List<CaseFact> cases = List.of(
                new CaseFact(CaseId.random(), FileReference.parse("33-122.20-000044-2026"), Catalogue.RESIDENTS_REGISTRATION,
                        CaseStatus.CLOSED, now.minus(Duration.ofDays(400)), Confidentiality.NORMAL),
                new CaseFact(CaseId.random(), FileReference.parse("36-134.10-000045-2026"), Catalogue.VEHICLE_REGISTRATION,
                        CaseStatus.IN_PROGRESS, null, Confidentiality.NORMAL),
                new CaseFact(CaseId.random(), FileReference.parse("50-400.20-000046-2026"), Catalogue.SOCIAL_SERVICES,
                        CaseStatus.IN_PROGRESS, null, Confidentiality.STRICTLY_CONFIDENTIAL));
        purposeRead = new AccessRequest(new Actor(Role.STAFF, "alice", Catalogue.RESIDENTS_REGISTRATION), null, citizen,
                EnumSet.allOf(DataCategory.class), new StatedPurpose(new PurposeCode("AMTSHILFE"), "Prüfung Zuständigkeit", null),
                null, InformationBlock.NONE, cases, false, 0, now, false);
        frontier = de.eakte.audit.ledger.tree.MerkleFrontier.empty();
        de.eakte.audit.ledger.tree.MerkleFrontier tree = de.eakte.audit.ledger.tree.MerkleFrontier.empty();
        for (int i = 0; i < TREE; i++) {
            byte[] leaf = de.eakte.audit.ledger.StoredEvent.leafHash(java.nio.ByteBuffer.allocate(4).putInt(i).array());
            tree.append(leaf).forEach(n -> nodes.put(n.address(), n.hash()));
        }
        leafHash = nodes.get(new de.eakte.audit.ledger.tree.NodeAddress(0, 4711));
        root = tree.root();
        proof = de.eakte.audit.ledger.tree.MerkleProofs.inclusion(4711, TREE, this::nodes);
        names = new String[]{"Müller-Lüdenscheidt", "Jürgen", "Meyer", "Schäfer", "Weiß", "Yılmaz", "Hoffmann", "Käthe"};
    }

    private java.util.Map<de.eakte.audit.ledger.tree.NodeAddress, byte[]> nodes(
            java.util.Collection<de.eakte.audit.ledger.tree.NodeAddress> addresses) {
        java.util.Map<de.eakte.audit.ledger.tree.NodeAddress, byte[]> found = new java.util.HashMap<>();
        addresses.forEach(a -> found.put(a, nodes.get(a)));
        return found;
    }

    @Benchmark
    public int merkleAppend() {
        return frontier.append(leafHash).size();
    }

    @Benchmark
    public List<byte[]> merkleInclusionProof() {
        return de.eakte.audit.ledger.tree.MerkleProofs.inclusion((next++ * 7919) & (TREE - 1), TREE, this::nodes);
    }

    @Benchmark
    public boolean merkleVerifyInclusion() {
        return de.eakte.audit.ledger.tree.MerkleVerifier.inclusion(leafHash, 4711, TREE, proof, root);
    }

    @Benchmark
    public Sealed sealField() {
        return sealer.seal(key, aggregateId, CaseFields.ENTRY_TEXT, TEXT);
    }

    @Benchmark
    public Opened<String> openField() {
        return sealer.open(sealed, aggregateId, CaseFields.ENTRY_TEXT);
    }

    @Benchmark
    public AccessDecision accessPolicyDecide() {
        return policy.decide(purposeRead);
    }

    @Benchmark
    public int searchKeys() {
        String name = names[next++ & 7];
        int h = 0;
        for (String word : SearchText.words(name)) {
            h += SearchText.normalised(word).hashCode() + SearchText.folded(word).hashCode()
                    + SearchText.phonetic(word).hashCode() + SearchText.stem(word).hashCode();
        }
        return h;
    }

    @Benchmark
    public String koelnerPhonetik() {
        return SearchText.phonetic(names[next++ & 7]);
    }
}
