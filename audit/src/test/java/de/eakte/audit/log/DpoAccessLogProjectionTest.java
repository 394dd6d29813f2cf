package de.eakte.audit.log;

import de.eakte.audit.log.DpoAccessLogProjection.Entry;
import de.eakte.audit.log.DpoAccessLogProjection.Filter;
import de.eakte.core.access.AccessOutcome;
import de.eakte.core.access.AccessRecorded;
import de.eakte.core.access.Channel;
import de.eakte.core.access.DataCategory;
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

import java.util.ArrayList;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The handlers and queries called directly on H2 with the module's own migrations: no Axon, no Spring. */
class DpoAccessLogProjectionTest {

    private static final Instant T0 = Instant.parse("2026-03-10T09:00:00Z");
    private static final CitizenId MIA = CitizenId.of("6f1c2d3e-4a5b-4c6d-8e9f-0a1b2c3d4e5f");
    private static final CitizenId OLE = CitizenId.of("0a9b8c7d-6e5f-4a3b-9c2d-1e0f9a8b7c6d");
    private static final OfficeCode REGISTRATION = new OfficeCode("33");
    private static final OfficeCode TRADE = new OfficeCode("32");
    private static final FileReference ID_CARD = FileReference.parse("33-122.20-000001-2026");

    private DpoAccessLogProjection projection;
    private JdbcTemplate jdbc;
    private byte[] key;

    @BeforeEach
    void database() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:dpo-access-log-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration/audit").load().migrate();
        jdbc = new JdbcTemplate(dataSource);
        key = new byte[32];
        Arrays.fill(key, (byte) 7);
        projection = new DpoAccessLogProjection(jdbc, key, Sealing.SEALER);
    }

    private static AccessRecorded read(CitizenId citizen, Instant at, OfficeCode office, String subject,
                                       AccessOutcome outcome) {
        return Sealing.accessRecorded(UUID.randomUUID(), at, citizen, Role.STAFF, subject, office, outcome,
                outcome == AccessOutcome.DENIED ? "purpose-required" : "purpose",
                outcome == AccessOutcome.DENIED ? Set.of() : Set.of(DataCategory.MASTER_DATA, DataCategory.CASE_SUMMARIES),
                outcome == AccessOutcome.DENIED ? List.of() : List.of(ID_CARD), "AMTSHILFE", "VwVfG §§ 4-8",
                "Anfrage von " + subject, null, false, Channel.REST, "corr-1", null);
    }

    private static AccessRecorded breakGlass(CitizenId citizen, Instant at, String subject) {
        return Sealing.accessRecorded(UUID.randomUUID(), at, citizen, Role.STAFF, subject, new OfficeCode("50"),
                AccessOutcome.BREAK_GLASS, "break-glass", Set.of(DataCategory.values()), List.of(ID_CARD), null, null,
                null, "Notfall: Polizei vor Ort", true, Channel.REST, null, null);
    }

    @Test
    void givenAnAccess_whenQueried_thenEveryFieldWithAPseudonymAndNoSubjectStored() {
        AccessRecorded read = read(MIA, T0, TRADE, "bert.sachbearbeiter", AccessOutcome.GRANTED);

        projection.on(read);

        Entry entry = projection.query(Filter.none(), 0, 10).get(0);
        assertThat(entry.accessId()).isEqualTo(read.accessId());
        assertThat(entry.at()).isEqualTo(T0);
        assertThat(entry.citizenId()).isEqualTo(MIA);
        assertThat(entry.staff()).matches("P-[0-9a-f]{12}").isEqualTo(projection.pseudonym("bert.sachbearbeiter"));
        assertThat(entry.actorRole()).isEqualTo(Role.STAFF);
        assertThat(entry.office()).isEqualTo(TRADE);
        assertThat(entry.purpose()).isEqualTo("AMTSHILFE");
        assertThat(entry.legalBasis()).isEqualTo("VwVfG §§ 4-8");
        assertThat(entry.outcome()).isEqualTo(AccessOutcome.GRANTED);
        assertThat(entry.rule()).isEqualTo("purpose");
        assertThat(entry.categories()).containsExactly(DataCategory.MASTER_DATA, DataCategory.CASE_SUMMARIES);
        assertThat(entry.fileReferences()).containsExactly(ID_CARD);
        assertThat(entry.breakGlass()).isFalse();
        assertThat(entry.flagged()).isFalse();
        assertThat(entry.channel()).isEqualTo(Channel.REST);
        assertThat(jdbc.queryForList("SELECT * FROM dpo_access_log")).singleElement()
                .satisfies(row -> assertThat(row.values().toString()).doesNotContain("bert.sachbearbeiter")
                        .doesNotContain("Anfrage von"));
    }

    @Test
    void givenSubjectsAndKeys_whenPseudonymised_thenStablePerSubjectDistinctAcrossSubjectsAndKeys() {
        byte[] other = new byte[32];
        Arrays.fill(other, (byte) 8);
        DpoAccessLogProjection otherKey = new DpoAccessLogProjection(jdbc, other, Sealing.SEALER);

        assertThat(projection.pseudonym("anna")).isEqualTo(new DpoAccessLogProjection(jdbc, key, Sealing.SEALER).pseudonym("anna"));
        assertThat(projection.pseudonym("anna")).isNotEqualTo(projection.pseudonym("bert"));
        assertThat(projection.pseudonym("anna")).isNotEqualTo(otherKey.pseudonym("anna"));
        assertThatThrownBy(() -> new DpoAccessLogProjection(jdbc, new byte[16], Sealing.SEALER))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void givenAccesses_whenFiltered_thenOnlyTheMatchingNewestFirst() {
        AccessRecorded annaMia = read(MIA, T0, REGISTRATION, "anna", AccessOutcome.GRANTED);
        AccessRecorded bertMia = read(MIA, T0.plusSeconds(1), TRADE, "bert", AccessOutcome.DENIED);
        AccessRecorded annaOle = read(OLE, T0.plusSeconds(2), REGISTRATION, "anna", AccessOutcome.GRANTED);
        AccessRecorded sinaMia = breakGlass(MIA, T0.plusSeconds(3), "sina");
        for (AccessRecorded e : List.of(annaMia, bertMia, annaOle, sinaMia)) {
            projection.on(e);
        }
        String anna = projection.pseudonym("anna");

        assertThat(ids(Filter.none())).containsExactly(sinaMia.accessId(), annaOle.accessId(), bertMia.accessId(),
                annaMia.accessId());
        assertThat(ids(new Filter(anna, null, null, null, null, null, null)))
                .containsExactly(annaOle.accessId(), annaMia.accessId());
        assertThat(ids(new Filter(null, TRADE, null, null, null, null, null))).containsExactly(bertMia.accessId());
        assertThat(ids(new Filter(null, null, OLE, null, null, null, null))).containsExactly(annaOle.accessId());
        assertThat(ids(new Filter(null, null, null, T0.plusSeconds(1), T0.plusSeconds(3), null, null)))
                .containsExactly(annaOle.accessId(), bertMia.accessId());
        assertThat(ids(new Filter(null, null, null, null, null, AccessOutcome.DENIED, null)))
                .containsExactly(bertMia.accessId());
        assertThat(ids(new Filter(null, null, null, null, null, null, true))).containsExactly(sinaMia.accessId());
        assertThat(ids(new Filter(null, null, null, null, null, null, false))).hasSize(3);
        assertThat(ids(new Filter(anna, null, MIA, null, null, AccessOutcome.GRANTED, false)))
                .containsExactly(annaMia.accessId());
        assertThat(projection.count(new Filter(anna, null, null, null, null, null, null))).isEqualTo(2);
        assertThat(projection.query(Filter.none(), 1, 2)).extracting(Entry::accessId)
                .containsExactly(annaOle.accessId(), bertMia.accessId());
        assertThat(projection.query(Filter.none(), 4, 2)).isEmpty();
        Entry breakGlass = projection.query(new Filter(null, null, null, null, null, AccessOutcome.BREAK_GLASS, null),
                0, 10).get(0);
        assertThat(breakGlass.breakGlass()).isTrue();
        assertThat(breakGlass.flagged()).isTrue();
    }

    @Test
    void givenAccesses_whenIterated_thenAllMatchingNewestFirstUpToTheMaximum() {
        for (int i = 0; i < 5; i++) {
            projection.on(read(MIA, T0.plusSeconds(i), REGISTRATION, "anna", AccessOutcome.GRANTED));
        }
        projection.on(read(OLE, T0, REGISTRATION, "anna", AccessOutcome.GRANTED));

        List<Entry> seen = new ArrayList<>();
        projection.forEach(new Filter(null, null, MIA, null, null, null, null), 100, seen::add);
        List<Entry> capped = new ArrayList<>();
        projection.forEach(Filter.none(), 2, capped::add);

        assertThat(seen).isEqualTo(projection.query(new Filter(null, null, MIA, null, null, null, null), 0, 100));
        assertThat(seen).hasSize(5);
        assertThat(capped).isEqualTo(projection.query(Filter.none(), 0, 2));
    }

    @Test
    void givenTheSameEventTwice_whenHandled_thenOneEntryAndResetEmpties() {
        AccessRecorded read = read(MIA, T0, REGISTRATION, "anna", AccessOutcome.GRANTED);

        projection.on(read);
        projection.on(read);
        assertThat(projection.count(Filter.none())).isEqualTo(1);

        projection.reset();
        assertThat(projection.count(Filter.none())).isZero();
    }

    @Test
    void givenBadInput_whenQueried_thenRefusedNamingFieldAndRule() {
        assertInvalid(() -> projection.query(Filter.none(), 0, 0), "limit", "range");
        assertInvalid(() -> projection.query(Filter.none(), 0, 501), "limit", "range");
        assertInvalid(() -> projection.query(Filter.none(), -1, 10), "offset", "range");
        assertInvalid(() -> new Filter("anna", null, null, null, null, null, null), "staff", "pseudonym");
        assertInvalid(() -> new Filter(null, null, null, T0, T0, null, null), "to", "after-from");
    }

    private List<UUID> ids(Filter filter) {
        return projection.query(filter, 0, 100).stream().map(Entry::accessId).toList();
    }

    private static void assertInvalid(Runnable call, String field, String rule) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(InvalidValueException.class, e -> {
            assertThat(e.field()).isEqualTo(field);
            assertThat(e.rule()).isEqualTo(rule);
        });
    }
}
