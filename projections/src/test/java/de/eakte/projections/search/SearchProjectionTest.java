package de.eakte.projections.search;

import de.eakte.core.access.policy.InformationBlock;
import de.eakte.core.cases.CaseStatus;
import de.eakte.core.shared.CaseId;
import de.eakte.core.shared.CitizenId;
import de.eakte.core.shared.OfficeCode;
import de.eakte.projections.search.MatchKeys.Field;
import de.eakte.projections.search.MatchKeys.Kind;
import de.eakte.projections.search.SearchProjection.CaseFacts;
import de.eakte.projections.search.SearchProjection.Home;
import de.eakte.projections.search.SearchProjection.Names;
import de.eakte.projections.search.SearchQueries.CaseCriteria;
import de.eakte.projections.search.SearchQueries.CaseRow;
import de.eakte.projections.search.SearchQueries.CitizenCriteria;
import de.eakte.projections.search.SearchQueries.CitizenRow;
import de.eakte.projections.search.SearchQueries.WordCriterion;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The indexing methods called directly and the queries answered, on H2 and on PostgreSQL, with
 * the module's own migrations: no Axon, no Spring context.
 */
class SearchProjectionTest {

    private static final de.eakte.core.crypto.FieldSealer SEALER = new de.eakte.core.crypto.FieldSealer(
            new de.eakte.core.crypto.InMemoryDataKeys(new java.util.Random(1)), de.eakte.core.crypto.NonceSource.secureRandom());

    private static final OfficeCode REGISTRATION = new OfficeCode("33");
    private static final OfficeCode SOCIAL = new OfficeCode("50");
    private static final Set<Field> ANYWHERE = EnumSet.allOf(Field.class);
    private static final Set<Field> NAMES = EnumSet.of(Field.FAMILY, Field.GIVEN);

    private JdbcTemplate jdbc;
    private SearchProjection projection;
    private SearchQueries queries;
    private Generations generations;
    private long version;

    private void database(String engine) {
        jdbc = new JdbcTemplate(TestDatabases.of(engine));
        generations = new Generations(jdbc, SearchProjection.PROCESSING_GROUP);
        projection = new SearchProjection(jdbc, generations::active, SEALER);
        queries = new SearchQueries(jdbc, generations,
                Clock.fixed(Instant.parse("2026-06-01T10:00:00Z"), ZoneOffset.UTC));
    }

    private CitizenId citizen(String family, String given, String birthName, String born, String street, String city) {
        CitizenId id = CitizenId.of(UUID.randomUUID().toString());
        projection.indexCitizen(id, 0, new Names(family, given, birthName, LocalDate.parse(born), null),
                new Home(street, "12a", "04109", city));
        return id;
    }

    private List<CitizenId> found(String text) {
        return rows(text).stream().map(CitizenRow::citizenId).toList();
    }

    private List<CitizenRow> rows(String text) {
        List<WordCriterion> words = new ArrayList<>();
        Integer year = null;
        for (String w : SearchText.words(text)) {
            if (w.matches("(19|20)[0-9]{2}")) {
                year = Integer.parseInt(w);
            } else {
                words.add(new WordCriterion(ANYWHERE, w));
            }
        }
        return queries.citizens(new CitizenCriteria(words, null, year, null, null, null, null), REGISTRATION, null, 10);
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void jurgenMaier1961_findsJuergenMeyerBorn1961(String engine) {
        database(engine);
        CitizenId meyer = citizen("Meyer", "Jürgen", null, "1961-04-23", "Hauptstraße", "Leipzig");
        citizen("Meyer", "Jürgen", null, "1975-02-01", "Hauptstraße", "Leipzig");
        citizen("Maier", "Hans", null, "1961-01-01", "Hauptstraße", "Leipzig");

        List<CitizenRow> rows = rows("jurgen maier 1961");

        assertThat(rows).extracting(CitizenRow::citizenId).containsExactly(meyer);
        assertThat(rows.get(0).match()).isEqualTo(Kind.PHONETIC);
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void ranking_exactBeforeNormalisedBeforePhoneticBeforeFuzzy(String engine) {
        database(engine);
        CitizenId exact = citizen("Müller", "Anna", null, "1980-01-01", "Ring", "Leipzig");
        CitizenId normalised = citizen("Mueller", "Anna", null, "1980-01-01", "Ring", "Leipzig");
        CitizenId phonetic = citizen("Möller", "Anna", null, "1980-01-01", "Ring", "Leipzig");
        CitizenId fuzzy = citizen("Rüller", "Anna", null, "1980-01-01", "Ring", "Leipzig");
        citizen("Schmidt", "Anna", null, "1980-01-01", "Ring", "Leipzig");

        List<CitizenRow> rows = rows("Müller Anna");

        assertThat(rows).extracting(CitizenRow::citizenId).containsExactly(exact, normalised, phonetic, fuzzy);
        assertThat(rows).extracting(CitizenRow::match)
                .containsExactly(Kind.EXACT, Kind.NORMALISED, Kind.PHONETIC, Kind.FUZZY);
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void doubleNamesBirthNamesAndSpellings(String engine) {
        database(engine);
        CitizenId erika = citizen("Müller-Lüdenscheidt", "Erika Johanna", "Schulze", "1961-04-23", "Hauptstraße", "Leipzig");
        CitizenId strauss = citizen("Strauß", "Peter", null, "1970-01-01", "Ring", "Köln");

        assertThat(found("MUELLER-LUEDENSCHEIDT")).containsExactly(erika);
        assertThat(found("Lüdenscheidt Erika")).containsExactly(erika);
        assertThat(found("muellerluedenscheidt")).containsExactly(erika);
        assertThat(found("Johanna Schulze")).containsExactly(erika);
        assertThat(found("strauss peter")).containsExactly(strauss);
        assertThat(found("Strauss Koeln")).containsExactly(strauss);
        assertThat(found("Hauptstr. Erika")).containsExactly(erika);
        assertThat(found("Erika Hauptstrasse")).containsExactly(erika);
        assertThat(found("Schulze Müller 1962")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void structuredCriteria_filterExactly(String engine) {
        database(engine);
        CitizenId anna = CitizenId.of(UUID.randomUUID().toString());
        projection.indexCitizen(anna, 0, new Names("Schmidt", "Anna", null, LocalDate.of(1980, 5, 1), "86095742719"),
                new Home("Hauptstraße", "12 a", "04109", "Leipzig"));
        citizen("Schmidt", "Anna", null, "1981-05-01", "Hauptstraße", "Leipzig");

        CitizenCriteria byIdNr = new CitizenCriteria(List.of(), null, null, null, null, "86095742719", null);
        CitizenCriteria byBirth = new CitizenCriteria(List.of(new WordCriterion(NAMES, "schmitt")),
                LocalDate.of(1980, 5, 1), null, null, null, null, null);
        CitizenCriteria byAddress = new CitizenCriteria(List.of(new WordCriterion(EnumSet.of(Field.STREET), "Hauptstr.")),
                null, 1980, "12A", "04109", null, null);

        assertThat(queries.citizens(byIdNr, REGISTRATION, null, 10)).extracting(CitizenRow::citizenId).containsExactly(anna);
        assertThat(queries.citizens(byBirth, REGISTRATION, null, 10)).extracting(CitizenRow::citizenId).containsExactly(anna);
        assertThat(queries.citizens(byAddress, REGISTRATION, null, 10)).extracting(CitizenRow::citizenId).containsExactly(anna);
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void moves_andCorrections_replaceTheKeys(String engine) {
        database(engine);
        CitizenId id = citizen("Becker", "Lena", null, "1990-01-01", "Hauptstraße", "Leipzig");
        projection.reindexHome(id, 1, new Home("Eisenbahnstraße", "7", "04315", "Dresden"));
        projection.reindexNames(id, 2, new Names("Wagner", "Lena", "Becker", LocalDate.of(1990, 1, 1), null));
        // an older event applied late changes nothing
        projection.reindexHome(id, 1, new Home("Hauptstraße", "12a", "04109", "Leipzig"));

        assertThat(found("Lena Eisenbahnstrasse Dresden")).containsExactly(id);
        assertThat(found("Lena Hauptstraße")).isEmpty();
        assertThat(found("Wagner Lena")).containsExactly(id);
        assertThat(found("Becker Lena")).containsExactly(id);
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void correctedDateOfBirth_movesEveryWordToTheNewYear_andUnusedWordsLeaveTheVocabulary(String engine) {
        database(engine);
        CitizenId id = citizen("Quandt", "Ottilie", null, "1950-05-05", "Zeppelinring", "Leipzig");
        citizen("Becker", "Ottilie", null, "1950-05-05", "Ring", "Leipzig");
        projection.reindexNames(id, 1, new Names("Quast", "Ottilie", null, LocalDate.of(1951, 5, 5), null));

        assertThat(found("Quast Ottilie 1951")).containsExactly(id);
        assertThat(found("Zeppelinring 1951")).containsExactly(id);
        assertThat(found("Zeppelinring 1950")).isEmpty();
        assertThat(found("Quandt")).isEmpty();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM search_word WHERE word = 'quandt'", Integer.class)).isZero();

        projection.reindexHome(id, 2, new Home("Ring", "1", "04109", "Leipzig"));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM search_word WHERE word = 'zeppelinring'", Integer.class)).isZero();
        // a word others still have stays
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM search_word WHERE word = 'ottilie'", Integer.class)).isPositive();
        assertThat(found("Ottilie Ring 1951")).containsExactly(id);
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void blockedCitizens_areFoundOnlyByAnOfficeWithACase(String engine) {
        database(engine);
        CitizenId blocked = citizen("Neumann", "Ida", null, "1950-01-01", "Ring", "Leipzig");
        projection.block(blocked, 1, InformationBlock.BLOCK);
        projection.indexCase(CaseId.of(UUID.randomUUID().toString()), 0, new CaseFacts(blocked, "50-435.10-000001-2026",
                "50", "housing-benefit", "STRICTLY_CONFIDENTIAL", LocalDate.of(2026, 7, 1), LocalDate.of(2026, 5, 1)),
                "Wohngeld");
        CitizenCriteria ida = new CitizenCriteria(List.of(new WordCriterion(NAMES, "Neumann")), null, null, null, null,
                null, null);

        assertThat(queries.citizens(ida, REGISTRATION, null, 10)).isEmpty();
        assertThat(queries.citizens(ida, SOCIAL, null, 10)).extracting(CitizenRow::citizenId).containsExactly(blocked);
        assertThat(queries.cases(cases(List.of("Wohngeld")), REGISTRATION, null, 10)).isEmpty();

        projection.block(blocked, 2, InformationBlock.NONE);
        assertThat(queries.citizens(ida, REGISTRATION, null, 10)).extracting(CitizenRow::citizenId).containsExactly(blocked);
        // the strictly confidential case is still neither named nor found by another office
        assertThat(queries.casesOf(List.of(blocked), REGISTRATION)).isEmpty();
        assertThat(queries.cases(cases(List.of("Wohngeld")), REGISTRATION, null, 10)).isEmpty();
        assertThat(queries.cases(cases(List.of("Wohngeld")), SOCIAL, null, 10)).hasSize(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void cases_byStemmedWords_partialReference_statusAndOverdue(String engine) {
        database(engine);
        CitizenId anna = citizen("Schmidt", "Anna", null, "1980-01-01", "Ring", "Leipzig");
        CaseId permit = CaseId.of(UUID.randomUUID().toString());
        projection.indexCase(permit, 0, new CaseFacts(anna, "63-621.40-000042-2026", "63", "building-permit", "NORMAL",
                LocalDate.of(2026, 5, 1), LocalDate.of(2026, 4, 1)), "Bauantrag Carport");
        projection.indexEntry(permit, 1, "Die Genehmigungen der Nachbarn fehlen noch.", "Lageplan.pdf");
        CaseId card = CaseId.of(UUID.randomUUID().toString());
        projection.indexCase(card, 0, new CaseFacts(anna, "33-122.20-000042-2026", "33", "identity-card", "NORMAL",
                LocalDate.of(2026, 7, 1), LocalDate.of(2026, 5, 2)), "Anträge auf Personalausweis");
        projection.caseStatus(card, 1, CaseStatus.CLOSED, LocalDate.of(2026, 5, 20));

        assertThat(ids(cases(List.of("Genehmigung")))).containsExactly(permit);
        assertThat(queries.cases(cases(List.of("Genehmigung")), REGISTRATION, null, 10).get(0).entriesNeeded()).isTrue();
        assertThat(queries.cases(cases(List.of("carports")), REGISTRATION, null, 10).get(0).entriesNeeded()).isFalse();
        assertThat(ids(cases(List.of("Antrag")))).containsExactly(card);
        assertThat(ids(new CaseCriteria("000042", null, null, null, null, null, null, null, null, List.of())))
                .containsExactly(card, permit);
        assertThat(ids(new CaseCriteria("000042-2026", new OfficeCode("63"), null, null, null, null, null, null, null,
                List.of()))).containsExactly(permit);
        assertThat(ids(new CaseCriteria(null, null, null, null, true, null, null, null, null, List.of())))
                .containsExactly(permit);
        assertThat(ids(new CaseCriteria(null, null, null, Set.of(CaseStatus.CLOSED), null, null, null,
                LocalDate.of(2026, 5, 20), LocalDate.of(2026, 5, 20), List.of()))).containsExactly(card);
        assertThat(ids(new CaseCriteria(null, null, "building-permit", null, null, LocalDate.of(2026, 3, 1),
                LocalDate.of(2026, 4, 30), null, null, List.of()))).containsExactly(permit);
        assertThat(ids(new CaseCriteria("_", null, null, null, null, null, null, null, null, List.of()))).isEmpty();

        // disposal kind V: the destroyed case's words are gone, its reference still finds it
        projection.on(new de.eakte.core.retention.CaseDestroyed(de.eakte.core.retention.DisposalListId.random(), permit,
                anna, List.of(), java.time.Instant.parse("2040-01-02T00:00:00Z")));
        assertThat(ids(cases(List.of("Genehmigung")))).isEmpty();
        assertThat(ids(cases(List.of("carports")))).isEmpty();
        assertThat(ids(new CaseCriteria("000042-2026", new OfficeCode("63"), null, null, null, null, null, null, null,
                List.of()))).containsExactly(permit);
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void cursor_pagesThroughEveryHitOnce(String engine) {
        database(engine);
        List<CitizenId> all = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            all.add(citizen(i % 2 == 0 ? "Müller" : "Mueller", "Paul", null, "1970-01-0" + (i + 1), "Ring", "Leipzig"));
        }
        CitizenCriteria paul = new CitizenCriteria(List.of(new WordCriterion(NAMES, "Müller")), null, null, null, null,
                null, null);
        List<CitizenId> seen = new ArrayList<>();
        String cursor = null;
        do {
            List<CitizenRow> page = queries.citizens(paul, REGISTRATION, cursor, 3);
            page.forEach(r -> seen.add(r.citizenId()));
            cursor = page.size() < 3 ? null : page.get(page.size() - 1).cursor();
        } while (cursor != null);

        assertThat(seen).containsExactlyInAnyOrderElementsOf(all).doesNotHaveDuplicates();
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void generations_areApart_andForgettingRemovesTheCitizenEverywhere(String engine) {
        database(engine);
        CitizenId live = citizen("Vogel", "Max", null, "1970-01-01", "Ring", "Leipzig");
        int next = generations.beginBuilding();
        SearchProjection rebuild = new SearchProjection(jdbc, () -> next, SEALER);
        rebuild.indexCitizen(live, 0, new Names("Vogel", "Max", null, LocalDate.of(1970, 1, 1), null),
                new Home("Ring", "1", "04109", "Leipzig"));
        CitizenId onlyNew = CitizenId.of(UUID.randomUUID().toString());
        rebuild.indexCitizen(onlyNew, 0, new Names("Vogel", "Mia", null, LocalDate.of(1971, 1, 1), null),
                new Home("Ring", "1", "04109", "Leipzig"));

        assertThat(found("Vogel")).containsExactly(live);
        generations.activate(next);
        assertThat(found("Vogel")).containsExactlyInAnyOrder(live, onlyNew);

        projection.forgetCitizen(live);
        assertThat(found("Vogel")).containsExactly(onlyNew);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM search_citizen_word WHERE citizen_id = ?", Integer.class,
                live.toString())).isZero();
        // Max was the only one with that given name: the word and its keys leave the vocabulary
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM search_word WHERE word = 'max'", Integer.class)).isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM search_word WHERE word = 'vogel'", Integer.class)).isPositive();
    }

    private CaseCriteria cases(List<String> words) {
        return new CaseCriteria(null, null, null, null, null, null, null, null, null, words);
    }

    private List<CaseId> ids(CaseCriteria criteria) {
        return queries.cases(criteria, REGISTRATION, null, 10).stream().map(CaseRow::caseId).toList();
    }
}
