package de.eakte.projections.search;

import de.eakte.core.crypto.FieldSealer;
import de.eakte.core.crypto.InMemoryDataKeys;
import de.eakte.core.crypto.NonceSource;
import de.eakte.core.shared.OfficeCode;
import de.eakte.projections.search.MatchKeys.Field;
import de.eakte.projections.search.SearchQueries.CitizenCriteria;
import de.eakte.projections.search.SearchQueries.WordCriterion;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

/**
 * Measures the staff search for docs/decisions/0005-search-engine.md; not a test (no timing is
 * asserted anywhere). Indexes a generated population ({@link Population}, seed 7) through the
 * projection, 1,000 citizens per transaction on one connection (as a pooled server would hold it),
 * then runs two workloads, each once to warm up and once measured:
 * <ul>
 *   <li>{@code name}: given and family name, folded, matched in any field (200 queries);</li>
 *   <li>{@code name+year}: family name in the family fields, given names in the given-name field
 *   and the birth year, as the HTTP benchmark's {@code search} scenario asks (200 queries).</li>
 * </ul>
 * With {@code -Dbulk=true} the rows the projection would write are computed with its functions and
 * inserted in batches instead (for 100,000 citizens and more; the queries see the same tables).
 * Run after {@code mvn -B -o -pl projections -am test-compile}:
 * <pre>
 * java -Xmx3g -cp "projections/target/test-classes:projections/target/classes:$(cat /tmp/cp.txt)" \
 *   de.eakte.projections.search.SearchEngineMeasurement h2,postgresql 10000,100000
 * </pre>
 * with the class path from {@code mvn -B -o -pl projections dependency:build-classpath -Dmdep.outputFile=/tmp/cp.txt}.
 */
public final class SearchEngineMeasurement {

    private static final int QUERIES = 200;
    private static final int PER_TRANSACTION = 1_000;
    /** -Dbulk=true: rows computed by the projection's own functions, inserted in batches (for 100,000 and more). */
    private static final boolean BULK = Boolean.getBoolean("bulk");

    public static void main(String[] args) throws SQLException {
        List<String> engines = Arrays.asList((args.length > 0 ? args[0] : "h2,postgresql").split(","));
        List<Integer> sizes = Arrays.stream((args.length > 1 ? args[1] : "10000").split(",")).map(Integer::parseInt).toList();
        for (int size : sizes) {
            Population population = new Population(7, size);
            for (String engine : engines) {
                measure(engine, population, size);
            }
        }
        System.exit(0);
    }

    private static void measure(String engine, Population population, int size) throws SQLException {
        DataSource database = TestDatabases.of(engine);
        Connection connection = database.getConnection();
        SingleConnectionDataSource single = new SingleConnectionDataSource(connection, true);
        JdbcTemplate jdbc = new JdbcTemplate(single);
        TransactionTemplate tx = new TransactionTemplate(new DataSourceTransactionManager(single));
        Generations generations = new Generations(jdbc, SearchProjection.PROCESSING_GROUP);
        SearchProjection projection = new SearchProjection(jdbc, generations::active,
                new FieldSealer(new InMemoryDataKeys(new Random(7)), NonceSource.secureRandom()));
        long start = System.nanoTime();
        if (BULK) {
            bulkIndex(jdbc, tx, population);
        } else {
            for (int from = 0; from < size; from += PER_TRANSACTION) {
                Population slice = population.slice(from, Math.min(size, from + PER_TRANSACTION));
                tx.executeWithoutResult(t -> slice.index(projection));
            }
        }
        double indexSeconds = (System.nanoTime() - start) / 1e9;
        // the steady state: statistics, and on PostgreSQL the visibility map autovacuum would have set
        jdbc.execute("postgresql".equals(engine) ? "VACUUM ANALYZE" : "ANALYZE");
        SearchQueries queries = new SearchQueries(jdbc, generations, Clock.systemUTC());
        Random random = new Random(11);
        Set<Field> anywhere = EnumSet.allOf(Field.class);
        List<CitizenCriteria> names = new ArrayList<>();
        List<CitizenCriteria> namesAndYear = new ArrayList<>();
        for (int i = 0; i < QUERIES; i++) {
            Population.Person p = population.people.get(random.nextInt(size));
            names.add(new CitizenCriteria(List.of(new WordCriterion(anywhere, SearchText.folded(p.given().split(" ")[0])),
                    new WordCriterion(anywhere, SearchText.folded(p.family().split("-")[0]))),
                    null, null, null, null, null, null));
            List<WordCriterion> words = new ArrayList<>();
            SearchText.words(p.family()).forEach(w -> words.add(new WordCriterion(Set.of(Field.FAMILY), w)));
            SearchText.words(p.given()).forEach(w -> words.add(new WordCriterion(Set.of(Field.GIVEN), w)));
            namesAndYear.add(new CitizenCriteria(words, null, p.born().getYear(), null, null, null, null));
        }
        System.out.printf(Locale.ROOT, "%s, %,d citizens: indexed at %,.0f citizens/s (%.0f s)%n", engine, size,
                size / indexSeconds, indexSeconds);
        run(engine, size, "name", queries, names);
        run(engine, size, "name+year", queries, namesAndYear);
        connection.close();
    }

    /**
     * The rows {@link SearchProjection#indexCitizen} writes for the final state of each person (the
     * address after a move), computed with its functions and inserted in batches of 1,000 rows;
     * the vocabulary once per distinct word. The queries then see what the projection would have built.
     */
    private static void bulkIndex(JdbcTemplate jdbc, TransactionTemplate tx, Population population) {
        java.util.Map<String, MatchKeys.Word> vocabulary = new java.util.LinkedHashMap<>();
        List<Object[]> citizens = new ArrayList<>();
        List<Object[]> postings = new ArrayList<>();
        for (Population.Person p : population.people) {
            SearchProjection.Names names = new SearchProjection.Names(p.family(), p.given(), p.birthName(), p.born(), null);
            SearchProjection.Home home = new SearchProjection.Home(p.street(), p.houseNumber(), "04109", p.city());
            int year = p.born().getYear();
            citizens.add(new Object[]{1, p.id().toString(), p.family(), p.given(), p.birthName(), java.sql.Date.valueOf(p.born()),
                    year, null, SearchProjection.streetKey(home.street()), SearchProjection.houseNumber(home.houseNumber()),
                    home.postcode(), home.city(), SearchProjection.sortName(names), 0L});
            List<SearchProjection.Posting> all = new ArrayList<>(SearchProjection.nameWords(names));
            all.addAll(SearchProjection.homeWords(home));
            java.util.Set<String> seen = new java.util.HashSet<>();
            for (SearchProjection.Posting posting : all) {
                if (seen.add(posting.word().exact() + posting.field().code)) {
                    postings.add(new Object[]{1, posting.word().exact(), String.valueOf(posting.field().code), year, p.id().toString()});
                }
                vocabulary.putIfAbsent(posting.word().exact(), posting.word());
            }
            if (postings.size() >= 10 * PER_TRANSACTION) {
                flush(jdbc, tx, citizens, postings);
            }
        }
        flush(jdbc, tx, citizens, postings);
        List<Object[]> keys = new ArrayList<>();
        for (MatchKeys.Word w : vocabulary.values()) {
            java.util.Set<String> seen = new java.util.HashSet<>();
            for (MatchKeys.Key k : w.keys()) {
                if (seen.add(k.kind().code + k.key())) {
                    keys.add(new Object[]{1, String.valueOf(k.kind().code), k.key(), w.exact()});
                }
            }
        }
        tx.executeWithoutResult(t -> jdbc.batchUpdate("INSERT INTO search_word (generation, kind, match_key, word) VALUES (?, ?, ?, ?)", keys));
    }

    private static void flush(JdbcTemplate jdbc, TransactionTemplate tx, List<Object[]> citizens, List<Object[]> postings) {
        tx.executeWithoutResult(t -> {
            jdbc.batchUpdate("""
                    INSERT INTO search_citizen (generation, citizen_id, family_name, given_names, birth_name, date_of_birth,
                      birth_year, id_nr, street_key, house_number, postcode, city, sort_name, version)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", citizens);
            jdbc.batchUpdate("INSERT INTO search_citizen_word (generation, word, field, birth_year, citizen_id) VALUES (?, ?, ?, ?, ?)",
                    postings);
        });
        citizens.clear();
        postings.clear();
    }

    private static void run(String engine, int size, String workload, SearchQueries queries, List<CitizenCriteria> criteria) {
        for (int round = 0; round < 2; round++) {
            double[] ms = new double[criteria.size()];
            long hits = 0;
            for (int i = 0; i < criteria.size(); i++) {
                long t = System.nanoTime();
                hits += queries.citizens(criteria.get(i), new OfficeCode("33"), null, 20).size();
                ms[i] = (System.nanoTime() - t) / 1e6;
            }
            if (round == 1) {
                double mean = Arrays.stream(ms).average().orElse(0);
                Arrays.sort(ms);
                System.out.printf(Locale.ROOT, "%s, %,d citizens, %-9s: mean %7.2f ms, p50 %7.2f ms, p95 %7.2f ms, "
                                + "max %7.2f ms (%d queries, %d hits)%n", engine, size, workload, mean,
                        ms[ms.length / 2], ms[(int) Math.ceil(ms.length * 0.95) - 1], ms[ms.length - 1], ms.length, hits);
            }
        }
    }
}
