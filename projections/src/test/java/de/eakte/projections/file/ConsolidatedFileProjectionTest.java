package de.eakte.projections.file;

import de.eakte.core.catalogue.CaseTypeCode;
import de.eakte.core.catalogue.Confidentiality;
import de.eakte.core.catalogue.DisposalKind;
import de.eakte.core.cases.CaseClosed;
import de.eakte.core.cases.CaseOpened;
import de.eakte.core.cases.CaseStatus;
import de.eakte.core.cases.CaseStatusChanged;
import de.eakte.core.cases.DeadlineChanged;
import de.eakte.core.cases.EntryAdded;
import de.eakte.core.cases.EntryKind;
import de.eakte.core.cases.FileReference;
import de.eakte.core.cases.Visibility;
import de.eakte.core.citizens.Address;
import de.eakte.core.citizens.CitizenFileOpened;
import de.eakte.core.citizens.CitizenMoved;
import de.eakte.core.citizens.MasterData;
import de.eakte.core.citizens.MasterDataCorrected;
import de.eakte.core.citizens.Postcode;
import de.eakte.core.cases.CaseFields;
import de.eakte.core.citizens.CitizenErased;
import de.eakte.core.citizens.CitizenFields;
import de.eakte.core.citizens.ProcessingRestricted;
import de.eakte.core.crypto.FieldSealer;
import de.eakte.core.crypto.InMemoryDataKeys;
import de.eakte.core.crypto.KeyId;
import de.eakte.core.crypto.NonceSource;
import de.eakte.core.crypto.Sealed;
import de.eakte.core.file.GetCase;
import de.eakte.core.file.GetConsolidatedFile;
import de.eakte.core.shared.CaseId;
import de.eakte.core.shared.CitizenId;
import de.eakte.core.shared.EntryId;
import de.eakte.core.shared.OfficeCode;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The handlers called directly, against a real (in-memory H2) database with the module's own
 * migrations: no Axon, no Spring context.
 */
class ConsolidatedFileProjectionTest {

    private static final Instant OPENED = Instant.parse("2026-03-10T09:00:00Z");
    private static final CitizenId CITIZEN = CitizenId.of("6f1c2d3e-4a5b-4c6d-8e9f-0a1b2c3d4e5f");
    private static final CaseId CASE = CaseId.of("0a9b8c7d-6e5f-4a3b-9c2d-1e0f9a8b7c6d");
    private static final MasterData ANNA = new MasterData("Müller", "Anna", null, LocalDate.of(1980, 5, 1), "Leipzig", null);
    private static final Address HOME = new Address("Hauptstraße", "1", new Postcode("04109"), "Leipzig");

    private final InMemoryDataKeys keys = new InMemoryDataKeys(new Random(3));
    private final FieldSealer sealer = new FieldSealer(keys, NonceSource.secureRandom());
    private ConsolidatedFileProjection projection;
    private JdbcTemplate jdbc;

    private Sealed master(MasterData data) {
        return sealer.seal(KeyId.citizen(CITIZEN), CITIZEN.toString(), CitizenFields.MASTER_DATA, data);
    }

    private Sealed address(Address address) {
        return sealer.seal(KeyId.citizen(CITIZEN), CITIZEN.toString(), CitizenFields.ADDRESS, address);
    }

    private Sealed subject(String text) {
        return sealer.seal(KeyId.ofCase(CITIZEN, CASE), CASE.toString(), CaseFields.SUBJECT, text);
    }

    private Sealed text(String text) {
        return sealer.seal(KeyId.ofCase(CITIZEN, CASE), CASE.toString(), CaseFields.ENTRY_TEXT, text);
    }

    @BeforeEach
    void database() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:projection-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration/projections").load().migrate();
        jdbc = new JdbcTemplate(dataSource);
        projection = new ConsolidatedFileProjection(jdbc, Clock.fixed(Instant.parse("2026-03-20T10:00:00Z"), ZoneOffset.UTC), sealer,
                new de.eakte.projections.search.Generations(jdbc, ConsolidatedFileProjection.PROCESSING_GROUP)::active);
    }

    private void opened() {
        projection.on(new CitizenFileOpened(CITIZEN, master(ANNA), address(HOME), OPENED), 0);
        projection.on(new CaseOpened(CASE, CITIZEN, FileReference.parse("33-122.20-000001-2026"), new OfficeCode("33"),
                new CaseTypeCode("identity-card"), subject("Personalausweis"), Confidentiality.NORMAL, LocalDate.of(2026, 3, 31),
                OPENED, 10, DisposalKind.V), 0);
    }

    @Test
    void givenFileAndCase_whenQueried_thenBothAppearWithTheirVersions() {
        opened();
        projection.on(new EntryAdded(CASE, EntryId.random(), EntryKind.NOTE, Visibility.INTERNAL, text("Notiz"), null, OPENED), 1);

        GetConsolidatedFile.Result file = projection.handle(new GetConsolidatedFile(CITIZEN)).orElseThrow();
        assertThat(file.citizen().masterData()).isEqualTo(ANNA);
        assertThat(file.cases()).singleElement().satisfies(c -> {
            assertThat(c.entryCount()).isEqualTo(1);
            assertThat(c.version()).isEqualTo(1);
            assertThat(c.overdue()).isFalse();
        });
        assertThat(projection.reachedVersion(CASE.toString())).contains(1L);
        assertThat(projection.reachedVersion(CITIZEN.toString())).contains(0L);
        assertThat(projection.reachedVersion(UUID.randomUUID().toString())).isEmpty();
    }

    @Test
    void givenCorrectionAndMove_whenQueried_thenNewValuesAndAddressHistory() {
        opened();
        MasterData married = new MasterData("Schulze", "Anna", "Müller", ANNA.dateOfBirth(), "Leipzig", null);
        projection.on(new MasterDataCorrected(CITIZEN, master(married), OPENED), 1);
        Address moved = new Address("Eisenbahnstraße", "7", new Postcode("04315"), "Leipzig");
        projection.on(new CitizenMoved(CITIZEN, address(moved), LocalDate.of(2026, 3, 15), OPENED), 2);

        GetConsolidatedFile.Citizen citizen = projection.handle(new GetConsolidatedFile(CITIZEN)).orElseThrow().citizen();
        assertThat(citizen.masterData()).isEqualTo(married);
        assertThat(citizen.address()).isEqualTo(moved);
        assertThat(citizen.addressHistory()).extracting(GetConsolidatedFile.AddressRecord::address).containsExactly(HOME, moved);
        assertThat(citizen.version()).isEqualTo(2);
    }

    @Test
    void givenAnEventDeliveredTwice_thenItIsAppliedOnce() {
        opened();
        EntryAdded entry = new EntryAdded(CASE, EntryId.random(), EntryKind.NOTE, Visibility.INTERNAL, text("Notiz"), null, OPENED);
        projection.on(entry, 1);
        projection.on(entry, 1);
        projection.on(new CaseStatusChanged(CASE, CaseStatus.OPEN, CaseStatus.IN_PROGRESS, OPENED), 2);
        projection.on(new CaseStatusChanged(CASE, CaseStatus.OPEN, CaseStatus.IN_PROGRESS, OPENED), 2);

        GetCase.Result detail = projection.handle(new GetCase(CASE)).orElseThrow();
        assertThat(detail.entries()).hasSize(1);
        assertThat(detail.summary().entryCount()).isEqualTo(1);
        assertThat(detail.summary().status()).isEqualTo(CaseStatus.IN_PROGRESS);
    }

    @Test
    void givenDeadlinePassed_thenOverdueUntilDecidedOrClosed() {
        opened();
        projection.on(new DeadlineChanged(CASE, LocalDate.of(2026, 3, 19), OPENED), 1);
        assertThat(projection.handle(new GetCase(CASE)).orElseThrow().summary().overdue()).isTrue();

        projection.on(new CaseClosed(CASE, CaseStatus.OPEN, Instant.parse("2026-03-20T08:00:00Z"),
                LocalDate.of(2036, 12, 31), DisposalKind.V), 2);
        GetCase.Result closed = projection.handle(new GetCase(CASE)).orElseThrow();
        assertThat(closed.summary().overdue()).isFalse();
        assertThat(closed.summary().status()).isEqualTo(CaseStatus.CLOSED);
        assertThat(closed.summary().retentionEndsOn()).isEqualTo(LocalDate.of(2036, 12, 31));
    }

    @Test
    void givenANewGenerationBuiltBeside_thenReadersSeeTheOldOneUntilItIsActivated_andErasureReachesBoth() {
        opened();
        de.eakte.projections.search.Generations generations =
                new de.eakte.projections.search.Generations(jdbc, ConsolidatedFileProjection.PROCESSING_GROUP);
        int next = generations.beginBuilding();
        ConsolidatedFileProjection beside = new ConsolidatedFileProjection(jdbc,
                Clock.fixed(Instant.parse("2026-03-20T10:00:00Z"), ZoneOffset.UTC), sealer, () -> next);
        beside.on(new CitizenFileOpened(CITIZEN, master(ANNA), address(HOME), OPENED), 0);
        MasterData married = new MasterData("Schulze", "Anna", "Müller", ANNA.dateOfBirth(), "Leipzig", null);
        beside.on(new MasterDataCorrected(CITIZEN, master(married), OPENED), 1);

        // the serving generation answers, with its own versions, while the new one is behind or ahead
        assertThat(projection.handle(new GetConsolidatedFile(CITIZEN)).orElseThrow().citizen().masterData()).isEqualTo(ANNA);
        assertThat(projection.handle(new GetConsolidatedFile(CITIZEN)).orElseThrow().cases()).hasSize(1);
        assertThat(projection.reachedVersion(CITIZEN.toString())).contains(0L);

        generations.activate(next);
        assertThat(projection.handle(new GetConsolidatedFile(CITIZEN)).orElseThrow().citizen().masterData()).isEqualTo(married);
        assertThat(projection.handle(new GetConsolidatedFile(CITIZEN)).orElseThrow().cases()).isEmpty();
        assertThat(projection.reachedVersion(CITIZEN.toString())).contains(1L);

        // the live projection (now writing the new generation) forgets the citizen in the old one too
        beside.on(new CitizenErased(CITIZEN, keys.destroyFamily(KeyId.citizen(CITIZEN)), OPENED));
        for (String table : List.of("citizen_file_row", "citizen_address_row", "case_row", "case_entry_row")) {
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM " + table + " WHERE generation IN (1, ?)", Integer.class, next))
                    .as(table).isZero();
        }
        assertThat(projection.erasedAt(CITIZEN)).isPresent();
    }

    @Test
    void givenReset_thenEverythingIsForgotten() {
        opened();
        projection.reset();
        assertThat(projection.handle(new GetConsolidatedFile(CITIZEN))).isEmpty();
        assertThat(projection.handle(new GetCase(CASE))).isEmpty();
    }

    @Test
    void givenRestriction_thenTheAccessFactsSayRestricted() {
        opened();
        assertThat(projection.accessFacts(CITIZEN).orElseThrow().restricted()).isFalse();

        projection.on(new ProcessingRestricted(CITIZEN, LocalDate.of(2037, 1, 1), OPENED), 1);

        assertThat(projection.accessFacts(CITIZEN).orElseThrow().restricted()).isTrue();
    }

    @Test
    void givenErasure_thenNothingOfTheCitizenIsLeftButTheFactOfErasure() {
        opened();
        projection.on(new EntryAdded(CASE, EntryId.random(), EntryKind.NOTE, Visibility.INTERNAL, text("Notiz"), null, OPENED), 1);
        List<KeyId> destroyed = keys.destroyFamily(KeyId.citizen(CITIZEN));

        projection.on(new CitizenErased(CITIZEN, destroyed, OPENED));

        assertThat(projection.handle(new GetConsolidatedFile(CITIZEN))).isEmpty();
        assertThat(projection.handle(new GetCase(CASE))).isEmpty();
        assertThat(projection.erasedAt(CITIZEN)).contains(OPENED);
        for (String table : List.of("citizen_file_view", "citizen_address_history", "case_view", "case_entry_view")) {
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Integer.class)).as(table).isZero();
        }
    }

    @Test
    void givenDestroyedKeys_whenReplayed_thenTheSealedEventsAreSkippedWithoutError() {
        CitizenFileOpened fileOpened = new CitizenFileOpened(CITIZEN, master(ANNA), address(HOME), OPENED);
        CaseOpened caseOpened = new CaseOpened(CASE, CITIZEN, FileReference.parse("33-122.20-000001-2026"),
                new OfficeCode("33"), new CaseTypeCode("identity-card"), subject("Personalausweis"), Confidentiality.NORMAL,
                LocalDate.of(2026, 3, 31), OPENED, 10, DisposalKind.V);
        EntryAdded entry = new EntryAdded(CASE, EntryId.random(), EntryKind.NOTE, Visibility.INTERNAL, text("Notiz"), null, OPENED);
        CitizenMoved move = new CitizenMoved(CITIZEN, address(HOME), LocalDate.of(2026, 3, 15), OPENED);
        List<KeyId> destroyed = keys.destroyFamily(KeyId.citizen(CITIZEN));

        projection.on(fileOpened, 0);
        projection.on(caseOpened, 0);
        projection.on(entry, 1);
        projection.on(move, 1);
        projection.on(new CitizenErased(CITIZEN, destroyed, OPENED));

        assertThat(projection.handle(new GetConsolidatedFile(CITIZEN))).isEmpty();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM case_view", Integer.class)).isZero();
        assertThat(projection.erasedAt(CITIZEN)).contains(OPENED);
    }

    @Test
    void givenADestroyedCaseKey_thenTheCaseKeepsItsFactsWithoutSubjectOrTexts() {
        projection.on(new CitizenFileOpened(CITIZEN, master(ANNA), address(HOME), OPENED), 0);
        CaseOpened caseOpened = new CaseOpened(CASE, CITIZEN, FileReference.parse("33-122.20-000001-2026"),
                new OfficeCode("33"), new CaseTypeCode("identity-card"), subject("Personalausweis"), Confidentiality.NORMAL,
                LocalDate.of(2026, 3, 31), OPENED, 10, DisposalKind.V);
        keys.destroyFamily(KeyId.ofCase(CITIZEN, CASE));

        projection.on(caseOpened, 0);

        GetConsolidatedFile.Result file = projection.handle(new GetConsolidatedFile(CITIZEN)).orElseThrow();
        assertThat(file.citizen().masterData()).isEqualTo(ANNA);
        assertThat(file.cases()).singleElement().satisfies(c -> assertThat(c.subject()).isNull());
    }
}
