package de.eakte.audit.dpo;

import de.eakte.audit.dpo.DpoAnomalies.HeavyUser;
import de.eakte.audit.dpo.DpoAnomalies.Period;
import de.eakte.audit.log.DpoAccessLogProjection;
import de.eakte.audit.log.Sealing;
import de.eakte.audit.log.DpoAccessLogProjection.Entry;
import de.eakte.core.access.AccessOutcome;
import de.eakte.core.access.AccessRecorded;
import de.eakte.core.access.Channel;
import de.eakte.core.access.DataCategory;
import de.eakte.core.access.DecisionFacts;
import de.eakte.core.access.SearchRecorded;
import de.eakte.core.access.SearchScope;
import de.eakte.core.access.policy.InformationBlock;
import de.eakte.core.cases.FileReference;
import de.eakte.core.shared.CitizenId;
import de.eakte.core.shared.InvalidValueException;
import de.eakte.core.shared.OfficeCode;
import de.eakte.core.shared.Role;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The anomaly sections and the search log on H2 with the module's migrations; no Axon, no Spring. */
class DpoAnomaliesTest {

    // Monday 2026-03-09, Europe/Berlin is UTC+1 in March
    private static final Instant MONDAY_10 = Instant.parse("2026-03-09T09:00:00Z");
    private static final Instant SUNDAY_23 = Instant.parse("2026-03-08T22:00:00Z");
    private static final CitizenId MIA = CitizenId.of("6f1c2d3e-4a5b-4c6d-8e9f-0a1b2c3d4e5f");
    private static final OfficeCode REGISTRATION = new OfficeCode("33");
    private static final OfficeCode TRADE = new OfficeCode("32");
    private static final FileReference ID_CARD = FileReference.parse("33-122.20-000001-2026");
    private static final DecisionFacts IN_CONTEXT = new DecisionFacts(List.of(ID_CARD), false, InformationBlock.NONE);
    private static final DecisionFacts NO_CONTEXT = new DecisionFacts(List.of(), false, InformationBlock.NONE);

    private DpoAccessLogProjection projection;
    private DpoAnomalies anomalies;
    private DpoSearchLog searches;
    private JdbcTemplate jdbc;

    @BeforeEach
    void database() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:dpo-anomalies-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration/audit").load().migrate();
        jdbc = new JdbcTemplate(dataSource);
        byte[] key = new byte[32];
        Arrays.fill(key, (byte) 7);
        projection = new DpoAccessLogProjection(jdbc, key, Sealing.SEALER);
        anomalies = new DpoAnomalies(jdbc, OfficeHours.parse("MON-FRI 07:00-19:00"), 3);
        searches = new DpoSearchLog(jdbc);
    }

    private void read(String subject, OfficeCode office, Instant at, AccessOutcome outcome, DecisionFacts facts) {
        projection.on(Sealing.accessRecorded(UUID.randomUUID(), at, MIA, Role.STAFF, subject, office, outcome,
                outcome == AccessOutcome.DENIED ? "purpose-required" : "case-context", Set.of(DataCategory.MASTER_DATA),
                List.of(), null, null, null, null, false, Channel.REST, null, null, facts));
    }

    private static Period week() {
        return new Period(Instant.parse("2026-03-02T00:00:00Z"), Instant.parse("2026-03-16T00:00:00Z"), 100);
    }

    @Test
    void givenOneClerkWithFiveTimesTheOfficeMedian_whenReported_thenOnlyThatClerkOnThatDay() {
        for (int i = 0; i < 5; i++) {
            read("anna", REGISTRATION, MONDAY_10.plusSeconds(i), AccessOutcome.GRANTED, IN_CONTEXT);
        }
        read("bert", REGISTRATION, MONDAY_10, AccessOutcome.GRANTED, IN_CONTEXT);
        read("carl", REGISTRATION, MONDAY_10, AccessOutcome.GRANTED, IN_CONTEXT);
        // three look-ups against a median of one is not more than three times it
        for (int i = 0; i < 3; i++) {
            read("dana", REGISTRATION, MONDAY_10.plusSeconds(86_400 + i), AccessOutcome.GRANTED, IN_CONTEXT);
        }
        read("emil", REGISTRATION, MONDAY_10.plusSeconds(86_400), AccessOutcome.GRANTED, IN_CONTEXT);
        read("fred", REGISTRATION, MONDAY_10.plusSeconds(86_400), AccessOutcome.GRANTED, IN_CONTEXT);
        // alone in an office: the median is one's own count
        for (int i = 0; i < 20; i++) {
            read("gina", TRADE, MONDAY_10.plusSeconds(i), AccessOutcome.GRANTED, IN_CONTEXT);
        }

        DpoAnomalies.Section<HeavyUser> heavy = anomalies.heavyUsers(week());

        assertThat(heavy.more()).isFalse();
        assertThat(heavy.items()).singleElement().satisfies(h -> {
            assertThat(h.staff()).isEqualTo(projection.pseudonym("anna"));
            assertThat(h.day()).isEqualTo(LocalDate.of(2026, 3, 9));
            assertThat(h.office()).isEqualTo(REGISTRATION);
            assertThat(h.lookups()).isEqualTo(5);
            assertThat(h.officeMedian()).isEqualTo(1.0);
            assertThat(h.staffInOffice()).isEqualTo(3);
        });
        assertThat(new DpoAnomalies(jdbc, OfficeHours.parse("MON-FRI 07:00-19:00"), 6)
                .heavyUsers(week()).items()).isEmpty();
    }

    @Test
    void givenLookUpsAroundTheOfficeHours_whenReported_thenSundayNightEarlyAndLateAreListedNotMondayMorning() {
        read("anna", REGISTRATION, MONDAY_10, AccessOutcome.GRANTED, IN_CONTEXT);
        read("bert", REGISTRATION, SUNDAY_23, AccessOutcome.GRANTED, IN_CONTEXT);
        read("carl", REGISTRATION, Instant.parse("2026-03-09T05:59:00Z"), AccessOutcome.DENIED, NO_CONTEXT); // 06:59
        read("dana", REGISTRATION, Instant.parse("2026-03-09T06:00:00Z"), AccessOutcome.GRANTED, IN_CONTEXT); // 07:00
        read("emil", REGISTRATION, Instant.parse("2026-03-09T17:59:00Z"), AccessOutcome.GRANTED, IN_CONTEXT); // 18:59
        read("fred", REGISTRATION, Instant.parse("2026-03-09T18:00:00Z"), AccessOutcome.GRANTED, IN_CONTEXT); // 19:00

        List<Entry> outside = anomalies.outsideOfficeHours(week()).items();

        assertThat(outside).extracting(Entry::staff).containsExactly(projection.pseudonym("fred"),
                projection.pseudonym("carl"), projection.pseudonym("bert"));
    }

    @Test
    void givenContextPurposeAndBlockedLookUps_whenReported_thenEachSectionListsItsOwn() {
        read("anna", REGISTRATION, MONDAY_10, AccessOutcome.GRANTED, IN_CONTEXT);
        read("bert", TRADE, MONDAY_10.plusSeconds(1), AccessOutcome.GRANTED, NO_CONTEXT);
        read("carl", TRADE, MONDAY_10.plusSeconds(2), AccessOutcome.DENIED, NO_CONTEXT);
        read("dana", TRADE, MONDAY_10.plusSeconds(3), AccessOutcome.BREAK_GLASS,
                new DecisionFacts(List.of(), true, InformationBlock.NONE));
        read("emil", REGISTRATION, MONDAY_10.plusSeconds(4), AccessOutcome.GRANTED,
                new DecisionFacts(List.of(ID_CARD), false, InformationBlock.BLOCK));
        read("fred", REGISTRATION, MONDAY_10.plusSeconds(5), AccessOutcome.GRANTED, null); // recorded without facts

        assertThat(anomalies.withoutCaseContext(week()).items()).extracting(Entry::staff)
                .containsExactly(projection.pseudonym("dana"), projection.pseudonym("bert"));
        List<Entry> sensitive = anomalies.strictlyConfidentialOrBlocked(week()).items();
        assertThat(sensitive).extracting(Entry::staff)
                .containsExactly(projection.pseudonym("emil"), projection.pseudonym("dana"));
        assertThat(sensitive.get(0).facts()).isEqualTo(new DecisionFacts(List.of(ID_CARD), false, InformationBlock.BLOCK));
        assertThat(sensitive.get(1).facts().strictlyConfidential()).isTrue();
        assertThat(anomalies.withoutCaseContext(new Period(week().from(), week().to(), 1)))
                .satisfies(s -> assertThat(s.more()).isTrue())
                .satisfies(s -> assertThat(s.items()).extracting(Entry::staff).containsExactly(projection.pseudonym("dana")));
    }

    @Test
    void givenSearches_whenTheDpoFilters_thenCriteriaWithPseudonymsNewestFirst() {
        projection.on(Sealing.searchRecorded(UUID.randomUUID(), MONDAY_10, Role.STAFF, "anna", REGISTRATION,
                SearchScope.CITIZENS, "query=mia meyer 1979", AccessOutcome.GRANTED, "search", 2, "AMTSHILFE",
                "VwVfG §§ 4-8", "Prüfung", "c-1"));
        projection.on(Sealing.searchRecorded(UUID.randomUUID(), MONDAY_10.plusSeconds(60), Role.STAFF, "bert", TRADE,
                SearchScope.CASES, "words=imbiss", AccessOutcome.DENIED, "purpose-required", 0, null, null, null, "c-2"));

        List<DpoSearchLog.Search> all = searches.query(new DpoSearchLog.Filter(null, null, null, null, null, null), 0, 10);

        assertThat(all).extracting(DpoSearchLog.Search::criteria).containsExactly("words=imbiss", "query=mia meyer 1979");
        assertThat(all.get(1).staff()).isEqualTo(projection.pseudonym("anna"));
        assertThat(all.get(1).hitCount()).isEqualTo(2);
        assertThat(searches.query(new DpoSearchLog.Filter(projection.pseudonym("bert"), null, null, null, null, null),
                0, 10)).singleElement().satisfies(s -> assertThat(s.rule()).isEqualTo("purpose-required"));
        assertThat(searches.count(new DpoSearchLog.Filter(null, null, null, null, AccessOutcome.GRANTED,
                SearchScope.CITIZENS))).isEqualTo(1);
        assertThat(projection.knows(projection.pseudonym("bert"))).isTrue();
        assertThat(projection.knows(projection.pseudonym("nobody"))).isFalse();
    }

    @Test
    void officeHoursAreReadFromTheirTextForm() {
        OfficeHours hours = OfficeHours.parse("mon, tue,THU 08:00-16:30");
        assertThat(hours.days()).containsExactlyInAnyOrder(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.THURSDAY);
        assertThat(hours.start()).isEqualTo(LocalTime.of(8, 0));
        assertThat(OfficeHours.parse("FRI-MON 07:00-19:00").days()).containsExactlyInAnyOrder(DayOfWeek.FRIDAY,
                DayOfWeek.SATURDAY, DayOfWeek.SUNDAY, DayOfWeek.MONDAY);
        assertThatThrownBy(() -> OfficeHours.parse("weekdays 7-19")).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> OfficeHours.parse("MON-FRI 19:00-07:00")).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> OfficeHours.parse("MON-XYZ 07:00-19:00")).isInstanceOf(InvalidValueException.class);
    }
}
