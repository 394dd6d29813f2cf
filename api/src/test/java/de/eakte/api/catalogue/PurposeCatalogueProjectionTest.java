package de.eakte.api.catalogue;

import de.eakte.core.access.DataCategory;
import de.eakte.core.access.policy.DefaultPurposes;
import de.eakte.core.access.policy.Purpose;
import de.eakte.core.access.policy.PurposeCode;
import de.eakte.core.catalogue.Catalogue;
import de.eakte.core.catalogue.changes.DpoOpinionAttached;
import de.eakte.core.catalogue.changes.PurposeChangeApproved;
import de.eakte.core.catalogue.changes.PurposeChangeId;
import de.eakte.core.catalogue.changes.PurposeChangeKind;
import de.eakte.core.catalogue.changes.PurposeChangeProposed;
import de.eakte.core.catalogue.changes.PurposeChangeRejected;
import de.eakte.core.catalogue.changes.PurposeChangeStatus;
import de.eakte.core.shared.OfficeCode;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static de.eakte.core.access.DataCategory.ADDRESS_HISTORY;
import static de.eakte.core.access.DataCategory.CASE_SUMMARIES;
import static de.eakte.core.access.DataCategory.MASTER_DATA;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The catalogue handlers called directly, and the directory read, against a real (in-memory H2)
 * database with the module's migrations: no Axon, no Spring context. PostgreSQL is covered by
 * {@code PurposeCatalogueIT}.
 */
class PurposeCatalogueProjectionTest {

    private static final Instant PROPOSED = Instant.parse("2026-11-20T10:00:00Z");
    private static final Instant DECIDED = Instant.parse("2026-11-20T11:00:00Z");
    private static final OfficeCode RESIDENTS = Catalogue.RESIDENTS_REGISTRATION;
    private static final OfficeCode VEHICLES = Catalogue.VEHICLE_REGISTRATION;
    private static final OfficeCode TRADE = Catalogue.TRADE_OFFICE;
    private static final PurposeCode BMG_34 = PurposeCode.of("BMG-34");
    private static final PurposeCode WAFFG = PurposeCode.of("WAFFG-5");

    private PurposeCatalogueProjection projection;
    private JdbcPurposeDirectory directory;
    private JdbcTemplate jdbc;

    @BeforeEach
    void database() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:catalogue-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration/api").load().migrate();
        jdbc = new JdbcTemplate(dataSource);
        projection = new PurposeCatalogueProjection(jdbc);
        directory = new JdbcPurposeDirectory(jdbc, Catalogue.defaults());
    }

    private static PurposeChangeProposed put(PurposeChangeId id, PurposeCode code, String name,
                                             List<DataCategory> categories, List<OfficeCode> caseOffices) {
        return new PurposeChangeProposed(id, PurposeChangeKind.PUT, RESIDENTS, code, name, "Gesetz § 1", categories,
                caseOffices, false, "Grund", PROPOSED);
    }

    private static PurposeChangeProposed withdraw(PurposeChangeId id, PurposeCode code) {
        return new PurposeChangeProposed(id, PurposeChangeKind.WITHDRAW, RESIDENTS, code, null, null, List.of(),
                List.of(), false, "entfällt", PROPOSED);
    }

    private void approve(PurposeChangeId id) {
        projection.on(new PurposeChangeApproved(id, DECIDED), "admin-bernd");
    }

    @Test
    void givenNoChanges_whenReading_thenTheSeededDefaultsAreInForce() {
        assertThat(directory.find(RESIDENTS, BMG_34)).contains(DefaultPurposes.of(Catalogue.defaults()).stream()
                .filter(p -> p.office().equals(RESIDENTS) && p.code().equals(BMG_34)).findFirst().orElseThrow());
        assertThat(directory.of(RESIDENTS)).extracting(p -> p.code().value())
                .containsExactly("SACHBEARBEITUNG", "AMTSHILFE", "BMG-34");
        assertThat(directory.inForce(RESIDENTS)).allSatisfy(p -> assertThat(p.changeId()).isNull());
        assertThat(directory.find(OfficeCode.of("99"), BMG_34)).isEmpty();
    }

    @Test
    void givenPendingPut_whenReading_thenNotInForceButListedAsPending() {
        PurposeChangeId id = PurposeChangeId.random();
        projection.on(put(id, WAFFG, "Waffen", List.of(MASTER_DATA), List.of()), "admin-anna");

        assertThat(directory.find(RESIDENTS, WAFFG)).isEmpty();
        assertThat(projection.changes(PurposeChangeStatus.PENDING, null, 10)).singleElement().satisfies(c -> {
            assertThat(c.changeId()).isEqualTo(id);
            assertThat(c.proposedBy()).isEqualTo("admin-anna");
            assertThat(c.proposedAt()).isEqualTo(PROPOSED);
            assertThat(c.categories()).containsExactly("MASTER_DATA");
            assertThat(c.caseOffices()).isEmpty();
        });
    }

    @Test
    void givenApprovedPut_whenReading_thenTheNewPurposeIsInForceAfterTheDefaults() {
        PurposeChangeId id = PurposeChangeId.random();
        projection.on(put(id, WAFFG, "Waffen", List.of(MASTER_DATA, ADDRESS_HISTORY), List.of(TRADE, VEHICLES)),
                "admin-anna");
        approve(id);

        Purpose purpose = directory.find(RESIDENTS, WAFFG).orElseThrow();
        assertThat(purpose.name()).isEqualTo("Waffen");
        assertThat(purpose.categories()).containsExactly(MASTER_DATA, ADDRESS_HISTORY);
        assertThat(purpose.caseOffices()).containsExactlyInAnyOrder(TRADE, VEHICLES);
        assertThat(directory.of(RESIDENTS)).extracting(p -> p.code().value())
                .containsExactly("SACHBEARBEITUNG", "AMTSHILFE", "BMG-34", "WAFFG-5");
        assertThat(directory.inForce(RESIDENTS).get(3).changeId()).isEqualTo(id);
        assertThat(directory.inForce(RESIDENTS).get(3).since()).isEqualTo(DECIDED);
        assertThat(projection.change(id).orElseThrow()).satisfies(c -> {
            assertThat(c.status()).isEqualTo(PurposeChangeStatus.APPROVED);
            assertThat(c.decidedBy()).isEqualTo("admin-bernd");
            assertThat(c.decidedAt()).isEqualTo(DECIDED);
        });
    }

    @Test
    void givenApprovedReplacementOfADefault_whenReading_thenTheReplacementIsInForceInItsPlace() {
        PurposeChangeId id = PurposeChangeId.random();
        projection.on(put(id, BMG_34, "Übermittlung (eng)", List.of(MASTER_DATA), List.of()), "admin-anna");
        approve(id);

        assertThat(directory.find(RESIDENTS, BMG_34).orElseThrow().categories()).containsExactly(MASTER_DATA);
        assertThat(directory.of(RESIDENTS)).extracting(p -> p.code().value())
                .containsExactly("SACHBEARBEITUNG", "AMTSHILFE", "BMG-34");
        assertThat(directory.of(VEHICLES)).extracting(p -> p.code().value()).doesNotContain("BMG-34");
    }

    @Test
    void givenApprovedWithdrawalOfADefault_whenReading_thenItIsNoLongerInForce() {
        PurposeChangeId id = PurposeChangeId.random();
        projection.on(withdraw(id, BMG_34), "admin-anna");
        assertThat(directory.find(RESIDENTS, BMG_34)).as("pending").isPresent();
        approve(id);

        assertThat(directory.find(RESIDENTS, BMG_34)).isEmpty();
        assertThat(directory.of(RESIDENTS)).extracting(p -> p.code().value())
                .containsExactly("SACHBEARBEITUNG", "AMTSHILFE");
    }

    @Test
    void givenWithdrawalThenNewPut_whenBothApproved_thenTheLatestApprovalWins() {
        PurposeChangeId withdrawal = PurposeChangeId.random();
        PurposeChangeId again = PurposeChangeId.random();
        projection.on(withdraw(withdrawal, BMG_34), "admin-anna");
        projection.on(put(again, BMG_34, "wieder da", List.of(CASE_SUMMARIES), List.of()), "admin-anna");
        approve(withdrawal);
        approve(again);

        assertThat(directory.find(RESIDENTS, BMG_34).orElseThrow().name()).isEqualTo("wieder da");
    }

    @Test
    void givenRejectedPut_whenReading_thenNotInForceAndTheReasonIsListed() {
        PurposeChangeId id = PurposeChangeId.random();
        projection.on(put(id, WAFFG, "Waffen", List.of(MASTER_DATA), List.of()), "admin-anna");
        projection.on(new PurposeChangeRejected(id, "zu weit", DECIDED), "admin-bernd");

        assertThat(directory.find(RESIDENTS, WAFFG)).isEmpty();
        assertThat(projection.change(id).orElseThrow()).satisfies(c -> {
            assertThat(c.status()).isEqualTo(PurposeChangeStatus.REJECTED);
            assertThat(c.rejectionReason()).isEqualTo("zu weit");
            assertThat(c.decidedBy()).isEqualTo("admin-bernd");
        });
        assertThat(projection.changes(PurposeChangeStatus.PENDING, null, 10)).isEmpty();
    }

    @Test
    void givenTwoOpinions_whenReading_thenTheLatestIsShown() {
        PurposeChangeId id = PurposeChangeId.random();
        projection.on(put(id, WAFFG, "Waffen", List.of(MASTER_DATA), List.of()), "admin-anna");
        projection.on(new DpoOpinionAttached(id, "erst", PROPOSED.plusSeconds(60)), "dpo-dora");
        projection.on(new DpoOpinionAttached(id, "dann", PROPOSED.plusSeconds(120)), "dpo-dora");

        assertThat(projection.change(id).orElseThrow()).satisfies(c -> {
            assertThat(c.dpoOpinion()).isEqualTo("dann");
            assertThat(c.dpoOpinionBy()).isEqualTo("dpo-dora");
            assertThat(c.dpoOpinionAt()).isEqualTo(PROPOSED.plusSeconds(120));
        });
    }

    @Test
    void givenThreeChanges_whenPaging_thenNewestFirstAndTheCursorContinues() {
        PurposeChangeId first = PurposeChangeId.random();
        PurposeChangeId second = PurposeChangeId.random();
        PurposeChangeId third = PurposeChangeId.random();
        projection.on(put(first, PurposeCode.of("A-1"), "a", List.of(MASTER_DATA), List.of()), "admin-anna");
        projection.on(put(second, PurposeCode.of("B-1"), "b", List.of(MASTER_DATA), List.of()), "admin-anna");
        projection.on(put(third, PurposeCode.of("C-1"), "c", List.of(MASTER_DATA), List.of()), "admin-anna");

        List<PurposeCatalogueProjection.ChangeRow> page = projection.changes(null, null, 2);
        assertThat(page).extracting(PurposeCatalogueProjection.ChangeRow::changeId).containsExactly(third, second);
        assertThat(projection.changes(null, page.get(1).position(), 2))
                .extracting(PurposeCatalogueProjection.ChangeRow::changeId).containsExactly(first);
    }

    @Test
    void givenApprovedChanges_whenReset_thenOnlyTheDefaultsAreInForce() {
        PurposeChangeId id = PurposeChangeId.random();
        projection.on(withdraw(id, BMG_34), "admin-anna");
        approve(id);

        projection.reset();

        assertThat(directory.find(RESIDENTS, BMG_34)).isPresent();
        assertThat(projection.changes(null, null, 10)).isEmpty();
    }
}
