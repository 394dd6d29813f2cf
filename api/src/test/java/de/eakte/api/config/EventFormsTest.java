package de.eakte.api.config;

import de.eakte.core.access.AccessFields;
import de.eakte.core.access.AccessLogExported;
import de.eakte.core.access.AccessLogKeysDestroyed;
import de.eakte.core.access.AccessOutcome;
import de.eakte.core.access.AccessRecorded;
import de.eakte.core.access.Channel;
import de.eakte.core.access.SearchRecorded;
import de.eakte.core.access.AccessDenialsAggregated;
import de.eakte.core.access.SearchScope;
import de.eakte.core.access.DataCategory;
import de.eakte.core.access.DecisionFacts;
import de.eakte.core.access.SearchLogRead;
import de.eakte.core.access.reidentification.ReIdentificationApproved;
import de.eakte.core.access.reidentification.ReIdentificationId;
import de.eakte.core.access.reidentification.ReIdentificationRejected;
import de.eakte.core.access.reidentification.ReIdentificationRequested;
import de.eakte.core.access.reidentification.ReIdentificationRevealed;
import de.eakte.core.cases.CaseClosed;
import de.eakte.core.cases.CaseOpened;
import de.eakte.core.cases.CaseStatus;
import de.eakte.core.cases.CaseStatusChanged;
import de.eakte.core.cases.DeadlineChanged;
import de.eakte.core.cases.EntryAdded;
import de.eakte.core.cases.EntryKind;
import de.eakte.core.cases.FileReference;
import de.eakte.core.cases.Visibility;
import de.eakte.core.catalogue.CaseTypeCode;
import de.eakte.core.catalogue.Confidentiality;
import de.eakte.core.catalogue.DisposalKind;
import de.eakte.core.citizens.Address;
import de.eakte.core.citizens.CitizenFileOpened;
import de.eakte.core.citizens.CitizenMoved;
import de.eakte.core.citizens.IdNr;
import de.eakte.core.citizens.MasterData;
import de.eakte.core.citizens.MasterDataCorrected;
import de.eakte.core.citizens.Postcode;
import de.eakte.core.shared.CaseId;
import de.eakte.core.shared.CitizenId;
import de.eakte.core.shared.EntryId;
import de.eakte.core.shared.OfficeCode;
import de.eakte.core.shared.Role;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import de.eakte.core.access.BreakGlassOpened;
import de.eakte.core.access.BreakGlassReviewed;
import de.eakte.core.access.policy.InformationBlock;
import de.eakte.core.access.policy.PurposeCode;
import de.eakte.core.catalogue.changes.CaseTypeChangeApproved;
import de.eakte.core.catalogue.changes.CaseTypeChangeId;
import de.eakte.core.catalogue.changes.CaseTypeChangeOpinionAttached;
import de.eakte.core.catalogue.changes.CaseTypeChangeProposed;
import de.eakte.core.catalogue.changes.CaseTypeChangeRejected;
import de.eakte.core.catalogue.changes.DpoOpinionAttached;
import de.eakte.core.catalogue.changes.OfficeChangeApproved;
import de.eakte.core.catalogue.changes.OfficeChangeId;
import de.eakte.core.catalogue.changes.OfficeChangeKind;
import de.eakte.core.catalogue.changes.OfficeChangeOpinionAttached;
import de.eakte.core.catalogue.changes.OfficeChangeProposed;
import de.eakte.core.catalogue.changes.OfficeChangeRejected;
import de.eakte.core.catalogue.changes.PurposeChangeApproved;
import de.eakte.core.catalogue.changes.PurposeChangeId;
import de.eakte.core.catalogue.changes.PurposeChangeKind;
import de.eakte.core.catalogue.changes.PurposeChangeProposed;
import de.eakte.core.catalogue.changes.PurposeChangeRejected;
import de.eakte.core.cases.CaseFields;
import de.eakte.core.cases.StoredDocument;
import de.eakte.core.citizens.CitizenErased;
import de.eakte.core.citizens.CitizenFields;
import de.eakte.core.citizens.ErasureOpinionGiven;
import de.eakte.core.citizens.ErasureRejected;
import de.eakte.core.citizens.ErasureRequested;
import de.eakte.core.citizens.ProcessingRestricted;
import de.eakte.core.crypto.FieldSealer;
import de.eakte.core.crypto.InMemoryDataKeys;
import de.eakte.core.crypto.KeyId;
import de.eakte.core.crypto.Sealed;
import de.eakte.core.citizens.InformationBlockLifted;
import de.eakte.core.citizens.InformationBlockSet;
import de.eakte.core.cases.LegalHoldLifted;
import de.eakte.core.cases.LegalHoldPlaced;
import de.eakte.core.retention.CaseDestroyed;
import de.eakte.core.retention.CaseDisposalSkipped;
import de.eakte.core.retention.CaseListedForAppraisal;
import de.eakte.core.retention.CaseMarkedForArchive;
import de.eakte.core.retention.DisposalCandidate;
import de.eakte.core.retention.DisposalListApproved;
import de.eakte.core.retention.DisposalListConfirmed;
import de.eakte.core.retention.DisposalListDrawnUp;
import de.eakte.core.retention.DisposalListId;
import de.eakte.core.retention.DrawUpTrigger;
import de.eakte.core.retention.SkipReason;
import org.axonframework.serialization.Revision;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The stored JSON of every event is a public contract: it is pinned here, byte for byte, with the
 * serializer the application uses. A change that breaks this test needs an upcaster and a new
 * revision, not a new expected file.
 */
class EventFormsTest {

    private static final CitizenId CITIZEN = CitizenId.of("6f1c2d3e-4a5b-4c6d-8e9f-0a1b2c3d4e5f");
    private static final CaseId CASE = CaseId.of("0a9b8c7d-6e5f-4a3b-9c2d-1e0f9a8b7c6d");
    private static final Instant AT = Instant.parse("2026-03-10T09:15:30Z");
    private static final PurposeChangeId CHANGE = PurposeChangeId.of("5d6e7f80-1a2b-4c3d-8e4f-a0b1c2d3e4f5");
    private static final Instant CHANGE_AT = Instant.parse("2026-11-21T09:15:30Z");
    private static final CaseTypeChangeId TYPE_CHANGE = CaseTypeChangeId.of("6e7f8091-2b3c-4d5e-9f60-b1c2d3e4f5a6");
    private static final OfficeChangeId OFFICE_CHANGE = OfficeChangeId.of("7f809102-3c4d-4e5f-8a71-c2d3e4f5a6b7");
    private static final DisposalListId DISPOSAL_LIST = DisposalListId.of("8a9b0c1d-2e3f-4a5b-8c6d-7e8f9a0b1c2d");
    private static final ReIdentificationId RE_IDENTIFICATION =
            ReIdentificationId.of("8b9c0d1e-2f3a-4b5c-9d6e-7f8091a2b3c4");
    private static final Instant DISPOSAL_AT = Instant.parse("2037-02-02T03:30:00Z");
    private static final MasterData ERIKA = new MasterData("Müller-Lüdenscheidt", "Erika Johanna", "Schulze",
            LocalDate.of(1961, 4, 23), "Dresden", new IdNr("86095742719"));
    private static final Address HOME = new Address("Hauptstraße", "12a", new Postcode("04109"), "Leipzig");

    /**
     * Seeded keys and a constant nonce make the sealed fields reproducible here; the application
     * draws every nonce at random.
     */
    private static final InMemoryDataKeys KEYS = new InMemoryDataKeys(new Random(20261121));
    private static final FieldSealer SEALER = new FieldSealer(KEYS, nonce -> { });

    private static <T> Sealed citizen(de.eakte.core.crypto.PersonalField<T> field, T value) {
        return SEALER.seal(KeyId.citizen(CITIZEN), CITIZEN.toString(), field, value);
    }

    private static final UUID ACCESS = UUID.fromString("2c3d4e5f-6071-4829-93a4-b5c6d7e8f901");
    private static final UUID SEARCH = UUID.fromString("5f607182-93a4-4b52-86d7-e8f90a1b2c3d");
    private static final UUID GRANT = UUID.fromString("3d4e5f60-7182-4930-a4b5-c6d7e8f90a1b");
    private static final UUID FLOOD_ENTRY = UUID.fromString("6a7b8c9d-0e1f-4a2b-8c3d-4e5f60718293");
    private static final KeyId ACCESS_KEY = KeyId.accessPeriod("bmg", java.time.YearMonth.of(2026, 3));

    private static Sealed access(de.eakte.core.crypto.PersonalField<String> field, String value) {
        return SEALER.seal(ACCESS_KEY, ACCESS.toString(), field, value);
    }

    private static Sealed search(de.eakte.core.crypto.PersonalField<String> field, String value) {
        return SEALER.seal(ACCESS_KEY, SEARCH.toString(), field, value);
    }

    private static Sealed grant(de.eakte.core.crypto.PersonalField<String> field, String value) {
        return SEALER.seal(ACCESS_KEY, GRANT.toString(), field, value);
    }

    private static Sealed flood(de.eakte.core.crypto.PersonalField<String> field, String value) {
        return SEALER.seal(ACCESS_KEY, FLOOD_ENTRY.toString(), field, value);
    }

    private static Sealed ofCase(de.eakte.core.crypto.PersonalField<String> field, String value) {
        return SEALER.seal(KeyId.ofCase(CITIZEN, CASE), CASE.toString(), field, value);
    }

    private final JacksonSerializer serializer = JacksonSerializer.builder()
            .objectMapper(AxonConfiguration.eventObjectMapper()).build();

    static Stream<Object> events() {
        return Stream.of(
                new CitizenFileOpened(CITIZEN, citizen(CitizenFields.MASTER_DATA, ERIKA),
                        citizen(CitizenFields.ADDRESS, HOME), AT),
                new MasterDataCorrected(CITIZEN, citizen(CitizenFields.MASTER_DATA, ERIKA), AT),
                new CitizenMoved(CITIZEN, citizen(CitizenFields.ADDRESS,
                        new Address("Eisenbahnstraße", "7", new Postcode("04315"), "Leipzig")), LocalDate.of(2026, 3, 1), AT),
                new ErasureRequested(CITIZEN, Role.STAFF, "clerk-33", AT),
                new ProcessingRestricted(CITIZEN, LocalDate.of(2037, 1, 1), AT),
                new ErasureOpinionGiven(CITIZEN, citizen(CitizenFields.ERASURE_OPINION, "Keine Bedenken."), AT),
                new ErasureRejected(CITIZEN, citizen(CitizenFields.ERASURE_REJECTION, "Aufbewahrungspflicht"), AT),
                new CitizenErased(CITIZEN, List.of(KeyId.citizen(CITIZEN), KeyId.ofCase(CITIZEN, CASE)), AT),
                new CaseOpened(CASE, CITIZEN, FileReference.parse("33-122.20-000042-2026"), new OfficeCode("33"),
                        new CaseTypeCode("identity-card"), ofCase(CaseFields.SUBJECT, "Antrag auf Personalausweis"),
                        Confidentiality.NORMAL,
                        LocalDate.of(2026, 3, 31), AT, 10, DisposalKind.V),
                new EntryAdded(CASE, EntryId.of("1b2c3d4e-5f60-4718-8293-a4b5c6d7e8f9"), EntryKind.DOCUMENT,
                        Visibility.CITIZEN, ofCase(CaseFields.ENTRY_TEXT, "Bitte Lichtbild nachreichen."),
                        new StoredDocument(ofCase(CaseFields.DOCUMENT_TITLE, "Antrag.pdf"), "application/pdf", 48213,
                                "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", AT), AT),
                new CaseStatusChanged(CASE, CaseStatus.OPEN, CaseStatus.IN_PROGRESS, AT),
                new CaseClosed(CASE, CaseStatus.DECIDED, AT, LocalDate.of(2036, 12, 31), DisposalKind.V),
                new DeadlineChanged(CASE, LocalDate.of(2026, 4, 15), AT),
                new AccessRecorded(ACCESS, AT, CITIZEN, Role.STAFF, access(AccessFields.ACTOR_SUBJECT, "alice"),
                        new OfficeCode("33"), AccessOutcome.BREAK_GLASS, "break-glass",
                        EnumSet.of(DataCategory.CASE_SUMMARIES, DataCategory.MASTER_DATA),
                        List.of(FileReference.parse("33-122.20-000042-2026")), "BMG-34", "BMG § 34",
                        access(AccessFields.REASON, "Prüfung Anschrift"),
                        access(AccessFields.BREAK_GLASS, "Notfall: Polizei fragt nach Anschrift"), true,
                        Channel.REST, "corr-1", "7V1P3if9qMM34X7bnA36LQJiKbzzq+B8WknL8Mof/+o=",
                        new DecisionFacts(List.of(FileReference.parse("33-122.20-000042-2026")), true,
                                InformationBlock.CONDITIONAL)),
                new AccessLogExported(UUID.fromString("4e5f6071-8293-4a41-b5c6-d7e8f90a1b2c"), AT, "dora",
                        "office=33&outcome=DENIED&breakGlass=false", 12),
                new SearchRecorded(SEARCH, AT, Role.STAFF, search(AccessFields.SEARCH_ACTOR_SUBJECT, "alice"),
                        new OfficeCode("33"), SearchScope.CITIZENS,
                        search(AccessFields.SEARCH_CRITERIA, "query=jurgen maier 1961"), AccessOutcome.GRANTED,
                        "search", 1, "AMTSHILFE", "VwVfG §§ 4-8", search(AccessFields.SEARCH_REASON, "Prüfung Zuständigkeit"),
                        "corr-2"),
                new AccessDenialsAggregated(FLOOD_ENTRY, UUID.fromString("7b8c9d0e-1f2a-4b3c-9d4e-5f6071829304"),
                        CITIZEN, AT, AT.plusSeconds(42), Role.STAFF, flood(AccessFields.DENIALS_ACTOR_SUBJECT, "mallory"),
                        new OfficeCode("32"), 17, new java.util.TreeMap<>(java.util.Map.of("purpose-required", 12,
                        "case-not-visible", 5)), java.util.Set.of(Channel.REST, Channel.SEARCH),
                        "q4bN0k8m3lV0Q3d1dW5nc2VpbnRyYWctdm9yaGVyLTAwMDAwMDAwMDA="),
                new AccessLogKeysDestroyed(List.of(KeyId.accessPeriod("bmg", java.time.YearMonth.of(2025, 1)),
                        KeyId.accessPeriod("default", java.time.YearMonth.of(2024, 12))), DISPOSAL_AT),
                new InformationBlockSet(CITIZEN, InformationBlock.BLOCK, AT),
                new InformationBlockLifted(CITIZEN, AT),
                new BreakGlassOpened(GRANT, CITIZEN, "staff", grant(AccessFields.BREAK_GLASS_ACTOR_SUBJECT, "bob"),
                        new OfficeCode("32"), grant(AccessFields.BREAK_GLASS_JUSTIFICATION,
                        "Notfall: Polizei fragt nach Anschrift"), AT, AT.plusSeconds(1800)),
                new BreakGlassReviewed(GRANT, grant(AccessFields.BREAK_GLASS_REVIEWER, "dora"), "JUSTIFIED",
                        grant(AccessFields.BREAK_GLASS_REVIEW_NOTE, "Polizeieinsatz bestätigt"), AT),
                new PurposeChangeProposed(CHANGE, PurposeChangeKind.PUT, new OfficeCode("33"), new PurposeCode("WAFFG-5"),
                        "Zuverlässigkeitsprüfung", "WaffG § 5 Abs. 5",
                        List.of(DataCategory.MASTER_DATA, DataCategory.ADDRESS_HISTORY),
                        List.of(new OfficeCode("32"), new OfficeCode("36")), false, "Anfragen der Waffenbehörde",
                        CHANGE_AT),
                new PurposeChangeApproved(CHANGE, CHANGE_AT),
                new PurposeChangeRejected(CHANGE, "Rechtsgrundlage ungenau", CHANGE_AT),
                new DpoOpinionAttached(CHANGE, "Keine Bedenken.", CHANGE_AT),
                new CaseTypeChangeProposed(TYPE_CHANGE, new CaseTypeCode("driving-licence"), new OfficeCode("36"),
                        "Fahrerlaubnis", "142.20", 14, Confidentiality.CONFIDENTIAL, 15, DisposalKind.V, "FeV § 61",
                        "Führerscheinstelle angegliedert", CHANGE_AT),
                new CaseTypeChangeApproved(TYPE_CHANGE, CHANGE_AT),
                new CaseTypeChangeRejected(TYPE_CHANGE, "Aktenplan prüfen", CHANGE_AT),
                new CaseTypeChangeOpinionAttached(TYPE_CHANGE, "Keine Bedenken.", CHANGE_AT),
                new OfficeChangeProposed(OFFICE_CHANGE, OfficeChangeKind.ADD, new OfficeCode("37"),
                        "Fahrerlaubnisbehörde", "Fahrerlaubnisbehörde wird eigenes Amt", CHANGE_AT),
                new OfficeChangeApproved(OFFICE_CHANGE, CHANGE_AT),
                new OfficeChangeRejected(OFFICE_CHANGE, "Zuschnitt prüfen", CHANGE_AT),
                new OfficeChangeOpinionAttached(OFFICE_CHANGE, "Keine Bedenken.", CHANGE_AT),
                new LegalHoldPlaced(CASE, "Klageverfahren VG Köln 3 K 123/26", AT),
                new LegalHoldLifted(CASE, "Verfahren rechtskräftig abgeschlossen", AT),
                new DisposalListDrawnUp(DISPOSAL_LIST, List.of(new DisposalCandidate(CASE, CITIZEN,
                        FileReference.parse("33-122.20-000042-2026"), new OfficeCode("33"), DisposalKind.V,
                        LocalDate.of(2036, 12, 31))), LocalDate.of(2037, 2, 2), DrawUpTrigger.SCHEDULE, DISPOSAL_AT),
                new DisposalListConfirmed(DISPOSAL_LIST,
                        "3b1f0e6c9a0d4f2e8b7c6d5e4f3a2b1c0d9e8f7a6b5c4d3e2f1a0b9c8d7e6f5a", DISPOSAL_AT),
                new DisposalListApproved(DISPOSAL_LIST, DISPOSAL_AT),
                new CaseDestroyed(DISPOSAL_LIST, CASE, CITIZEN, List.of(KeyId.ofCase(CITIZEN, CASE)), DISPOSAL_AT),
                new CaseListedForAppraisal(DISPOSAL_LIST, CASE, DISPOSAL_AT),
                new CaseMarkedForArchive(DISPOSAL_LIST, CASE, DISPOSAL_AT),
                new CaseDisposalSkipped(DISPOSAL_LIST, CASE, SkipReason.LEGAL_HOLD, DISPOSAL_AT),
                new SearchLogRead(UUID.fromString("607182a3-b4c5-4d6e-8f70-8192a3b4c5d6"), CHANGE_AT, "dora",
                        "office=33&offset=0&limit=50", List.of(UUID.fromString("5f607182-93a4-4b52-86d7-e8f90a1b2c3d"))),
                new ReIdentificationRequested(RE_IDENTIFICATION, "P-0123456789ab",
                        "Zugriffe am Sonntag um 23 Uhr auf gesperrte Bürger",
                        "3b1f0e6c9a0d4f2e8b7c6d5e4f3a2b1c0d9e8f7a6b5c4d3e2f1a0b9c8d7e6f5a", CHANGE_AT),
                new ReIdentificationApproved(RE_IDENTIFICATION, "Personalrat beteiligt", CHANGE_AT),
                new ReIdentificationRejected(RE_IDENTIFICATION, "kein hinreichender Anlass", CHANGE_AT),
                new ReIdentificationRevealed(RE_IDENTIFICATION, "P-0123456789ab", CHANGE_AT));
    }

    /** Every event class of core (they carry @Revision) has its pinned form here. */
    @Test
    void everyEventIsPinned() {
        Set<String> pinned = events().map(e -> e.getClass().getName()).collect(Collectors.toSet());
        Set<String> eventClasses = new ClassFileImporter().importPackages("de.eakte.core").stream()
                .filter(c -> c.isAnnotatedWith(Revision.class))
                .map(JavaClass::getName).collect(Collectors.toSet());
        assertThat(eventClasses).isNotEmpty();
        assertThat(pinned).containsAll(eventClasses);
    }

    @ParameterizedTest
    @MethodSource("events")
    void storedFormIsPinned(Object event) throws IOException {
        SerializedObject<byte[]> stored = serializer.serialize(event, byte[].class);
        String expected = expected(event.getClass().getSimpleName());

        assertThat(new String(stored.getData(), StandardCharsets.UTF_8)).isEqualTo(expected);
        assertThat(stored.getType().getName()).isEqualTo(event.getClass().getName());
        assertThat(stored.getType().getRevision()).isEqualTo(event.getClass().getAnnotation(Revision.class).value());
        Object read = serializer.deserialize(stored);
        assertThat(read).isEqualTo(event);
    }

    /** The pinned access entry holds no staff member, reason or justification in clear; they open with the key. */
    @Test
    void pinnedAccessEntryOpensToItsPersonalFields() throws IOException {
        AccessRecorded pinned = (AccessRecorded) serializer.deserialize(
                new org.axonframework.serialization.SimpleSerializedObject<>(
                        expected("AccessRecorded").getBytes(StandardCharsets.UTF_8), byte[].class,
                        AccessRecorded.class.getName(), "2"));

        assertThat(SEALER.open(pinned.actorSubject(), ACCESS.toString(), AccessFields.ACTOR_SUBJECT).value()).contains("alice");
        assertThat(SEALER.open(pinned.breakGlass(), ACCESS.toString(), AccessFields.BREAK_GLASS).value())
                .contains("Notfall: Polizei fragt nach Anschrift");
        assertThat(expected("AccessRecorded")).doesNotContain("alice").doesNotContain("Notfall").doesNotContain("Prüfung");
        assertThat(expected("AccessDenialsAggregated")).doesNotContain("mallory");
        assertThat(expected("BreakGlassOpened")).doesNotContain("bob").doesNotContain("Notfall");
        assertThat(expected("BreakGlassReviewed")).doesNotContain("dora").doesNotContain("Polizei");
        assertThat(expected("SearchRecorded")).doesNotContain("alice").doesNotContain("jurgen").doesNotContain("Prüfung");
    }

    /** The pinned sealed forms are real ciphertexts: they open with the test's key, and only there. */
    @Test
    void pinnedSealedFieldsOpenToTheirValues() throws IOException {
        CitizenFileOpened pinned = (CitizenFileOpened) serializer.deserialize(
                new org.axonframework.serialization.SimpleSerializedObject<>(
                        expected("CitizenFileOpened").getBytes(StandardCharsets.UTF_8), byte[].class,
                        CitizenFileOpened.class.getName(), "2"));

        assertThat(SEALER.open(pinned.masterData(), CITIZEN.toString(), CitizenFields.MASTER_DATA).value()).contains(ERIKA);
        assertThat(SEALER.open(pinned.address(), CITIZEN.toString(), CitizenFields.ADDRESS).value()).contains(HOME);
        assertThat(expected("CitizenFileOpened")).doesNotContain("Erika").doesNotContain("Hauptstra");
    }

    private static String expected(String name) throws IOException {
        try (InputStream in = EventFormsTest.class.getResourceAsStream("/events/" + name + ".json")) {
            assertThat(in).as("pinned form events/%s.json", name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        }
    }
}
