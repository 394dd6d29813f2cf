package de.eakte.audit.log;

import de.eakte.audit.log.CitizenAccessLogProjection.Entry;
import de.eakte.audit.log.CitizenAccessLogProjection.Page;
import de.eakte.core.access.AccessOutcome;
import de.eakte.core.access.AccessRecorded;
import de.eakte.core.access.Channel;
import de.eakte.core.access.DataCategory;
import de.eakte.core.cases.FileReference;
import de.eakte.core.shared.CitizenId;
import de.eakte.core.shared.InvalidValueException;
import de.eakte.core.shared.OfficeCode;
import de.eakte.core.shared.Role;
import de.eakte.core.crypto.InMemoryDataKeys;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The handlers called directly, against a real (in-memory H2) database with the module's own
 * migrations: no Axon, no Spring context.
 */
class CitizenAccessLogProjectionTest {

    private static final Instant T0 = Instant.parse("2026-03-10T09:00:00Z");
    private static final CitizenId MIA = CitizenId.of("6f1c2d3e-4a5b-4c6d-8e9f-0a1b2c3d4e5f");
    private static final CitizenId OLE = CitizenId.of("0a9b8c7d-6e5f-4a3b-9c2d-1e0f9a8b7c6d");
    private static final OfficeCode REGISTRATION = new OfficeCode("33");
    private static final OfficeCode TRADE = new OfficeCode("32");
    private static final FileReference ID_CARD = FileReference.parse("33-122.20-000001-2026");
    private static final FileReference TRADE_CASE = FileReference.parse("32-131.10-000007-2026");

    private CitizenAccessLogProjection projection;
    private JdbcTemplate jdbc;

    @BeforeEach
    void database() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:access-log-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration/audit").load().migrate();
        jdbc = new JdbcTemplate(dataSource);
        projection = new CitizenAccessLogProjection(jdbc, Sealing.SEALER);
    }

    private static AccessRecorded purposeRead(CitizenId citizen, Instant at, OfficeCode office, String subject) {
        return Sealing.accessRecorded(UUID.randomUUID(), at, citizen, Role.STAFF, subject, office, AccessOutcome.GRANTED,
                "purpose", Set.of(DataCategory.MASTER_DATA, DataCategory.CASE_SUMMARIES), List.of(ID_CARD, TRADE_CASE),
                "AMTSHILFE", "VwVfG §§ 4-8", "Anfrage von " + subject, null, false, Channel.REST, "corr-1", null);
    }

    private static AccessRecorded caseContextRead(CitizenId citizen, Instant at, OfficeCode office) {
        return Sealing.accessRecorded(UUID.randomUUID(), at, citizen, Role.STAFF, "anna", office, AccessOutcome.GRANTED,
                "case-context", Set.of(DataCategory.CASE_SUMMARIES, DataCategory.CASE_ENTRIES), List.of(ID_CARD), null,
                Channel.REST, null);
    }

    private static AccessRecorded denied(CitizenId citizen, Instant at, OfficeCode office) {
        return Sealing.accessRecorded(UUID.randomUUID(), at, citizen, Role.STAFF, "bert", office, AccessOutcome.DENIED,
                "purpose-required", Set.of(), List.of(), null, Channel.REST, null);
    }

    private static AccessRecorded breakGlass(CitizenId citizen, Instant at, OfficeCode office) {
        return Sealing.accessRecorded(UUID.randomUUID(), at, citizen, Role.STAFF, "erik", office,
                AccessOutcome.BREAK_GLASS, "break-glass", Set.of(DataCategory.values()), List.of(ID_CARD), null, null,
                null, "Notfall: Polizei vor Ort", true, Channel.REST, null, null);
    }

    @Test
    void givenAPurposeRead_whenPaged_thenTheEntryShowsWhatTheCitizenIsOwedAndNoStaffMember() {
        AccessRecorded read = purposeRead(MIA, T0, TRADE, "bert.sachbearbeiter");

        projection.on(read);

        Entry entry = projection.page(MIA, null, null, null, null, 20).entries().get(0);
        assertThat(entry.accessId()).isEqualTo(read.accessId());
        assertThat(entry.referenceNumber()).isEqualTo(CitizenAccessLogProjection.referenceNumber(read.accessId()));
        assertThat(entry.at()).isEqualTo(T0);
        assertThat(entry.office()).isEqualTo(TRADE);
        assertThat(entry.actorRole()).isEqualTo(Role.STAFF);
        assertThat(entry.purpose()).isEqualTo("AMTSHILFE");
        assertThat(entry.legalBasis()).isEqualTo("VwVfG §§ 4-8");
        assertThat(entry.categories()).containsExactly(DataCategory.MASTER_DATA, DataCategory.CASE_SUMMARIES);
        assertThat(entry.outcome()).isEqualTo(AccessOutcome.GRANTED);
        assertThat(entry.rule()).isEqualTo("purpose");
        assertThat(entry.breakGlass()).isFalse();
        assertThat(entry.flagged()).isFalse();
        assertThat(entry.channel()).isEqualTo(Channel.REST);
        assertThat(entry.fileReferences()).containsExactly(ID_CARD, TRADE_CASE);
        // neither the staff member nor the reason (which may name them) is kept anywhere
        List<Map<String, Object>> rows = jdbc.queryForList("SELECT * FROM citizen_access_log");
        assertThat(rows).singleElement().satisfies(row -> assertThat(row.values().toString())
                .doesNotContain("bert.sachbearbeiter").doesNotContain("Anfrage von"));
    }

    @Test
    void givenDeniedAndBreakGlass_whenPaged_thenOutcomeAndBreakGlassFlagAreShown() {
        projection.on(denied(MIA, T0, TRADE));
        projection.on(breakGlass(MIA, T0.plusSeconds(60), REGISTRATION));

        List<Entry> entries = projection.page(MIA, null, null, null, null, 20).entries();

        assertThat(entries).extracting(Entry::outcome).containsExactly(AccessOutcome.BREAK_GLASS, AccessOutcome.DENIED);
        assertThat(entries.get(0).breakGlass()).isTrue();
        assertThat(entries.get(0).flagged()).isTrue();
        assertThat(entries.get(0).categories()).containsExactly(DataCategory.values());
        assertThat(entries.get(1).breakGlass()).isFalse();
        assertThat(entries.get(1).categories()).isEmpty();
        assertThat(entries.get(1).fileReferences()).isEmpty();
        assertThat(entries.get(1).purpose()).isNull();
        assertThat(entries.get(1).legalBasis()).isNull();
    }

    @Test
    void givenTheCitizensOwnReadAndAnotherCitizensEntry_whenPaged_thenNeitherIsShown() {
        projection.on(Sealing.accessRecorded(UUID.randomUUID(), T0, MIA, Role.CITIZEN, "mia", null, AccessOutcome.GRANTED,
                "citizen-own-file", Set.of(DataCategory.MASTER_DATA), List.of(), null, Channel.REST, null));
        projection.on(caseContextRead(OLE, T0, REGISTRATION));

        assertThat(projection.page(MIA, null, null, null, null, 20).entries()).isEmpty();
        assertThat(projection.page(OLE, null, null, null, null, 20).entries()).hasSize(1);
    }

    @Test
    void givenTheSameEventTwice_whenHandled_thenOneEntry() {
        AccessRecorded read = caseContextRead(MIA, T0, REGISTRATION);

        projection.on(read);
        projection.on(read);

        assertThat(projection.page(MIA, null, null, null, null, 20).entries()).hasSize(1);
    }

    @Test
    void givenEntriesSomeAtTheSameInstant_whenPagedByTwo_thenNewestFirstAndEveryEntryExactlyOnce() {
        List<UUID> recorded = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            // pairs share their instant: the access id breaks the tie
            AccessRecorded read = caseContextRead(MIA, T0.plusSeconds(i / 2), REGISTRATION);
            recorded.add(read.accessId());
            projection.on(read);
        }

        List<Entry> seen = new ArrayList<>();
        List<Integer> sizes = new ArrayList<>();
        String cursor = null;
        do {
            Page page = projection.page(MIA, null, null, null, cursor, 2);
            sizes.add(page.entries().size());
            seen.addAll(page.entries());
            cursor = page.nextCursor();
        } while (cursor != null);

        assertThat(sizes).containsExactly(2, 2, 2, 1);
        assertThat(seen).extracting(Entry::accessId).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(recorded);
        assertThat(seen).extracting(Entry::at).isSortedAccordingTo((a, b) -> b.compareTo(a));
        assertThat(seen).isEqualTo(projection.page(MIA, null, null, null, null, 100).entries());
    }

    @Test
    void givenAFullLastPage_whenPaged_thenNoNextCursor() {
        projection.on(caseContextRead(MIA, T0, REGISTRATION));
        projection.on(caseContextRead(MIA, T0.plusSeconds(1), REGISTRATION));

        assertThat(projection.page(MIA, null, null, null, null, 2).nextCursor()).isNull();
        assertThat(projection.page(MIA, null, null, null, null, 1).nextCursor()).isNotNull();
    }

    @Test
    void givenAccessesOverThreeDaysByTwoOffices_whenFiltered_thenOnlyThePeriodAndTheOffice() {
        Duration day = Duration.ofDays(1);
        projection.on(caseContextRead(MIA, T0, REGISTRATION));
        projection.on(purposeRead(MIA, T0.plus(day), TRADE, "bert"));
        projection.on(caseContextRead(MIA, T0.plus(day).plusSeconds(1), REGISTRATION));
        projection.on(denied(MIA, T0.plus(day.multipliedBy(2)), TRADE));

        assertThat(projection.page(MIA, T0.plus(day), T0.plus(day.multipliedBy(2)), null, null, 20).entries())
                .extracting(Entry::at).containsExactly(T0.plus(day).plusSeconds(1), T0.plus(day));
        assertThat(projection.page(MIA, T0.plus(day), null, null, null, 20).entries()).hasSize(3);
        assertThat(projection.page(MIA, null, T0.plus(day), null, null, 20).entries()).extracting(Entry::at)
                .containsExactly(T0);
        assertThat(projection.page(MIA, null, null, TRADE, null, 20).entries()).extracting(Entry::outcome)
                .containsExactly(AccessOutcome.DENIED, AccessOutcome.GRANTED);
        assertThat(projection.page(MIA, T0.plus(day), null, REGISTRATION, null, 20).entries()).hasSize(1);
    }

    @Test
    void givenBadPagingInput_whenPaged_thenRefusedNamingFieldAndRule() {
        assertInvalid(() -> projection.page(MIA, null, null, null, null, 0), "limit", "range");
        assertInvalid(() -> projection.page(MIA, null, null, null, null, 101), "limit", "range");
        assertInvalid(() -> projection.page(MIA, T0, T0, null, null, 20), "to", "after-from");
        assertInvalid(() -> projection.page(MIA, null, null, null, "not a cursor!", 20), "cursor", "cursor");
        String noSeparator = Base64.getUrlEncoder().encodeToString("2026-03-10T09:00:00Z".getBytes(StandardCharsets.UTF_8));
        assertInvalid(() -> projection.page(MIA, null, null, null, noSeparator, 20), "cursor", "cursor");
        String badId = Base64.getUrlEncoder().encodeToString("2026-03-10T09:00:00Z|1-1-1-1-1".getBytes(StandardCharsets.UTF_8));
        assertInvalid(() -> projection.page(MIA, null, null, null, badId, 20), "cursor", "cursor");
        assertInvalid(() -> projection.page(MIA, null, null, null, "A".repeat(500), 20), "cursor", "cursor");
    }

    @Test
    void givenEntriesSomeAtTheSameInstant_whenOffsetPaged_thenCountedAndEveryEntryOnceNewestFirst() {
        List<UUID> recorded = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            AccessRecorded read = caseContextRead(MIA, T0.plusSeconds(i / 2), REGISTRATION);
            recorded.add(read.accessId());
            projection.on(read);
        }
        projection.on(caseContextRead(OLE, T0, REGISTRATION));

        List<Entry> seen = new ArrayList<>();
        for (int offset = 0; offset < 8; offset += 3) {
            seen.addAll(projection.usages(MIA, null, null, offset, 3));
        }

        assertThat(projection.count(MIA, null, null)).isEqualTo(7);
        assertThat(seen).extracting(Entry::accessId).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(recorded);
        assertThat(seen).isEqualTo(projection.page(MIA, null, null, null, null, 100).entries());
        assertThat(projection.usages(MIA, null, null, 7, 3)).isEmpty();
        // the period: from inclusive, to exclusive
        assertThat(projection.count(MIA, T0.plusSeconds(1), T0.plusSeconds(3))).isEqualTo(4);
        assertThat(projection.usages(MIA, T0.plusSeconds(1), T0.plusSeconds(3), 0, 100)).extracting(Entry::at)
                .containsExactly(T0.plusSeconds(2), T0.plusSeconds(2), T0.plusSeconds(1), T0.plusSeconds(1));
        assertThat(projection.count(MIA, T0, T0)).isZero();
    }

    @Test
    void givenEntries_whenAskingTheirPeriod_thenEarliestAndLatestAndNullsWhenEmpty() {
        projection.on(caseContextRead(MIA, T0.plusSeconds(30), REGISTRATION));
        projection.on(denied(MIA, T0, TRADE));
        projection.on(purposeRead(MIA, T0.plusSeconds(90), TRADE, "bert"));
        projection.on(caseContextRead(OLE, T0.minusSeconds(60), REGISTRATION));

        assertThat(projection.period(MIA)).isEqualTo(new CitizenAccessLogProjection.Period(T0, T0.plusSeconds(90)));
        assertThat(projection.period(CitizenId.of("11111111-2222-4333-8444-555555555555")))
                .isEqualTo(new CitizenAccessLogProjection.Period(null, null));
    }

    @Test
    void givenBadOffsetPagingInput_whenPaged_thenRefusedNamingFieldAndRule() {
        assertInvalid(() -> projection.usages(MIA, null, null, 0, 0), "limit", "range");
        assertInvalid(() -> projection.usages(MIA, null, null, 0, 101), "limit", "range");
        assertInvalid(() -> projection.usages(MIA, null, null, -1, 20), "offset", "range");
        assertInvalid(() -> projection.usages(MIA, T0, T0.minusSeconds(1), 0, 20), "to", "after-from");
        assertInvalid(() -> projection.count(MIA, T0, T0.minusSeconds(1)), "to", "after-from");
    }

    @Test
    void givenAnAccessId_whenReferenced_thenShortUpperCaseFormTheDpoCanLookUp() {
        AccessRecorded read = caseContextRead(MIA, T0, REGISTRATION);
        projection.on(read);
        UUID id = UUID.fromString("3f2b8c1e-0c4a-4f7e-9d2a-5b6c7d8e9f01");

        assertThat(CitizenAccessLogProjection.referenceNumber(id)).isEqualTo("ZP-3F2B8C1E0C");
        String reference = CitizenAccessLogProjection.referenceNumber(read.accessId());
        assertThat(projection.accessIds(reference)).containsExactly(read.accessId());
        assertThat(projection.accessIds(reference.toLowerCase())).containsExactly(read.accessId());
    }

    @Test
    void givenEntries_whenReset_thenTheLogIsEmpty() {
        projection.on(caseContextRead(MIA, T0, REGISTRATION));

        projection.reset();

        assertThat(projection.page(MIA, null, null, null, null, 20).entries()).isEmpty();
    }

    private static void assertInvalid(Runnable call, String field, String rule) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(InvalidValueException.class, e -> {
            assertThat(e.field()).isEqualTo(field);
            assertThat(e.rule()).isEqualTo(rule);
        });
    }

    @Test
    void givenEntriesOfTwoMonths_whenTheOlderMonthsKeyIsDestroyed_thenItsEntriesLeaveTheLogAndAReplaySkipsThem() {
        InMemoryDataKeys keys = new InMemoryDataKeys(new java.util.Random(3));
        de.eakte.core.crypto.FieldSealer sealer = new de.eakte.core.crypto.FieldSealer(keys, nonce -> { });
        CitizenAccessLogProjection withOwnKeys = new CitizenAccessLogProjection(jdbc, sealer);
        Instant march = T0;
        Instant april = T0.plus(Duration.ofDays(31));
        de.eakte.core.crypto.KeyId marchKey = Sealing.keyOf(march);
        AccessRecorded old = de.eakte.core.access.AccessRecorded.of(new de.eakte.core.access.AccessRecord(
                UUID.randomUUID(), march, de.eakte.core.shared.Actor.staff("anna", REGISTRATION), MIA,
                AccessOutcome.GRANTED, "case-context", Set.of(DataCategory.MASTER_DATA), List.of(), null, Channel.REST,
                null), sealer, marchKey, null);
        AccessRecorded recent = de.eakte.core.access.AccessRecorded.of(new de.eakte.core.access.AccessRecord(
                UUID.randomUUID(), april, de.eakte.core.shared.Actor.staff("anna", REGISTRATION), MIA,
                AccessOutcome.GRANTED, "case-context", Set.of(DataCategory.MASTER_DATA), List.of(), null, Channel.REST,
                null), sealer, Sealing.keyOf(april), null);
        withOwnKeys.on(old);
        withOwnKeys.on(recent);
        assertThat(withOwnKeys.page(MIA, null, null, null, null, 20).entries()).hasSize(2);

        keys.destroyFamily(marchKey);
        withOwnKeys.on(new de.eakte.core.access.AccessLogKeysDestroyed(List.of(marchKey), april));

        assertThat(withOwnKeys.page(MIA, null, null, null, null, 20).entries()).extracting(Entry::accessId)
                .containsExactly(recent.accessId());
        withOwnKeys.reset();
        withOwnKeys.on(old);
        withOwnKeys.on(recent);
        assertThat(withOwnKeys.page(MIA, null, null, null, null, 20).entries()).extracting(Entry::accessId)
                .as("replayed with the key destroyed: skipped, no error").containsExactly(recent.accessId());
    }
}
