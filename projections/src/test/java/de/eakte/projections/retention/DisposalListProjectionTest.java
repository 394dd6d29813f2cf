package de.eakte.projections.retention;

import de.eakte.core.cases.FileReference;
import de.eakte.core.catalogue.DisposalKind;
import de.eakte.core.crypto.KeyId;
import de.eakte.core.retention.CaseDestroyed;
import de.eakte.core.retention.CaseDisposalSkipped;
import de.eakte.core.retention.CaseListedForAppraisal;
import de.eakte.core.retention.DisposalCandidate;
import de.eakte.core.retention.DisposalListApproved;
import de.eakte.core.retention.DisposalListConfirmed;
import de.eakte.core.retention.DisposalListDrawnUp;
import de.eakte.core.retention.DisposalListId;
import de.eakte.core.retention.DisposalListStatus;
import de.eakte.core.retention.DrawUpTrigger;
import de.eakte.core.retention.SkipReason;
import de.eakte.core.shared.CaseId;
import de.eakte.core.shared.CitizenId;
import de.eakte.core.shared.OfficeCode;
import de.eakte.projections.retention.DisposalListProjection.Outcome;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class DisposalListProjectionTest {

    private static final DisposalListId LIST = DisposalListId.of("8a9b0c1d-2e3f-4a5b-8c6d-7e8f9a0b1c2d");
    private static final CitizenId CITIZEN = CitizenId.of("3f2b8c1e-0c4a-4f7e-9d2a-5b6c7d8e9f01");
    private static final CaseId V_CASE = CaseId.of("7a1d5e2c-3b4f-4c6d-8e9f-0a1b2c3d4e5f");
    private static final CaseId B_CASE = CaseId.of("1b2c3d4e-5f60-4718-8293-a4b5c6d7e8f9");
    private static final CaseId HELD = CaseId.of("2c3d4e5f-6071-4829-93a4-b5c6d7e8f901");
    private static final Instant AT = Instant.parse("2037-02-02T03:30:00Z");

    private DisposalListProjection projection;

    @BeforeEach
    void database() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:disposal-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration/projections").load().migrate();
        projection = new DisposalListProjection(new JdbcTemplate(dataSource));
    }

    private static DisposalCandidate candidate(CaseId id, String reference, DisposalKind kind) {
        return new DisposalCandidate(id, CITIZEN, FileReference.parse(reference), new OfficeCode(reference.substring(0, 2)),
                kind, LocalDate.of(2036, 12, 31));
    }

    @Test
    void givenListDrawnUpConfirmedAndApproved_whenReading_thenStatusAndEachOutcomeInListOrder() {
        projection.on(new DisposalListDrawnUp(LIST, List.of(candidate(B_CASE, "32-511.10-000007-2026", DisposalKind.B),
                candidate(V_CASE, "33-122.20-000042-2026", DisposalKind.V),
                candidate(HELD, "33-122.20-000043-2026", DisposalKind.V)), LocalDate.of(2037, 2, 2),
                DrawUpTrigger.SCHEDULE, AT));

        assertThat(projection.list(LIST)).get().extracting(DisposalListProjection.ListRow::status)
                .isEqualTo(DisposalListStatus.DRAWN_UP);
        assertThat(projection.cases(LIST)).extracting(DisposalListProjection.CaseRow::outcome).containsOnlyNulls();

        projection.on(new DisposalListConfirmed(LIST, "f".repeat(64), AT.plusSeconds(60)));
        projection.on(new DisposalListApproved(LIST, AT.plusSeconds(120)));
        projection.on(new CaseListedForAppraisal(LIST, B_CASE, AT.plusSeconds(120)));
        projection.on(new CaseDestroyed(LIST, V_CASE, CITIZEN, List.of(KeyId.ofCase(CITIZEN, V_CASE)), AT.plusSeconds(120)));
        projection.on(new CaseDisposalSkipped(LIST, HELD, SkipReason.LEGAL_HOLD, AT.plusSeconds(120)));

        DisposalListProjection.ListRow list = projection.list(LIST).orElseThrow();
        assertThat(list.status()).isEqualTo(DisposalListStatus.APPROVED);
        assertThat(list.caseCount()).isEqualTo(3);
        assertThat(list.approvedAt()).isEqualTo(AT.plusSeconds(120));
        List<DisposalListProjection.CaseRow> cases = projection.cases(LIST);
        assertThat(cases).extracting(DisposalListProjection.CaseRow::caseId).containsExactly(B_CASE, V_CASE, HELD);
        assertThat(cases).extracting(DisposalListProjection.CaseRow::outcome)
                .containsExactly(Outcome.APPRAISAL, Outcome.DESTROYED, Outcome.SKIPPED);
        assertThat(cases.get(1).destroyedKeys()).isEqualTo(1);
        assertThat(cases.get(2).skipReason()).isEqualTo("LEGAL_HOLD");
    }

    @Test
    void givenThreeLists_whenPagingByStatus_thenNewestFirstAfterTheCursor() {
        DisposalListId second = DisposalListId.random();
        DisposalListId third = DisposalListId.random();
        for (DisposalListId id : List.of(LIST, second, third)) {
            projection.on(new DisposalListDrawnUp(id, List.of(candidate(CaseId.random(), "33-122.20-000042-2026",
                    DisposalKind.V)), LocalDate.of(2037, 2, 2), DrawUpTrigger.REQUEST, AT));
        }
        projection.on(new DisposalListConfirmed(second, "f".repeat(64), AT));

        List<DisposalListProjection.ListRow> first = projection.lists(DisposalListStatus.DRAWN_UP, null, 1);
        assertThat(first).extracting(DisposalListProjection.ListRow::listId).containsExactly(third);
        assertThat(projection.lists(DisposalListStatus.DRAWN_UP, first.get(0).position(), 10))
                .extracting(DisposalListProjection.ListRow::listId).containsExactly(LIST);
        assertThat(projection.lists(null, null, 10)).hasSize(3);
    }
}
