package de.eakte.projections.search;

import de.eakte.core.crypto.FieldSealer;
import de.eakte.core.crypto.InMemoryDataKeys;
import de.eakte.core.crypto.NonceSource;
import de.eakte.core.shared.OfficeCode;
import de.eakte.projections.search.MatchKeys.Field;
import de.eakte.projections.search.SearchQueries.CitizenCriteria;
import de.eakte.projections.search.SearchQueries.WordCriterion;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

/**
 * Measures the candidate engines for docs/decisions/0005-search-engine.md; not a test (no timing
 * is asserted anywhere). Run: {@code mvn -o -pl projections -am test-compile} then
 * {@code java -cp ... de.eakte.projections.search.SearchEngineMeasurement [size]}, or from an IDE.
 * (a) the key tables joined per query word; (b) reading every name row and matching in Java with
 * the same normalisation, phonetics and one-edit rule (what a naive engine does without an index).
 */
public final class SearchEngineMeasurement {

    public static void main(String[] args) {
        int size = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        for (String engine : List.of("h2", "postgresql")) {
            DataSource dataSource = TestDatabases.of(engine);
            JdbcTemplate jdbc = new JdbcTemplate(dataSource);
            Generations generations = new Generations(jdbc, SearchProjection.PROCESSING_GROUP);
            Population population = new Population(7, size);
            long start = System.nanoTime();
            population.index(new SearchProjection(jdbc, generations::active,
                    new FieldSealer(new InMemoryDataKeys(new Random(7)), NonceSource.secureRandom())));
            double indexSeconds = (System.nanoTime() - start) / 1e9;
            long keys = jdbc.queryForObject("SELECT COUNT(*) FROM search_citizen_key", Long.class);
            SearchQueries queries = new SearchQueries(jdbc, generations, Clock.systemUTC());
            Random random = new Random(11);
            List<List<String>> workload = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                Population.Person p = population.people.get(random.nextInt(size));
                workload.add(List.of(SearchText.folded(p.given().split(" ")[0]), SearchText.folded(p.family().split("-")[0])));
            }
            Set<Field> anywhere = EnumSet.allOf(Field.class);
            // warm up both, then measure
            for (int round = 0; round < 2; round++) {
                long a = System.nanoTime();
                int hitsA = 0;
                for (List<String> q : workload) {
                    hitsA += queries.citizens(new CitizenCriteria(q.stream().map(w -> new WordCriterion(anywhere, w)).toList(),
                            null, null, null, null, null, null), new OfficeCode("33"), null, 20).size();
                }
                double msA = (System.nanoTime() - a) / 1e6 / workload.size();
                long b = System.nanoTime();
                int hitsB = 0;
                for (List<String> q : workload) {
                    hitsB += scan(jdbc, q);
                }
                double msB = (System.nanoTime() - b) / 1e6 / workload.size();
                if (round == 1) {
                    System.out.printf(Locale.ROOT, "%s, %d citizens: index %.0f citizens/s, %.1f key rows per citizen; "
                                    + "(a) key tables %.2f ms/query (%d hits), (b) scan + Java %.2f ms/query (%d hits)%n",
                            engine, size, size / indexSeconds, (double) keys / size, msA, hitsA, msB, hitsB);
                }
            }
        }
    }

    /** The naive engine: every name row read, matched in Java. */
    private static int scan(JdbcTemplate jdbc, List<String> words) {
        List<String[]> rows = jdbc.query("SELECT family_name, given_names, birth_name FROM search_citizen WHERE generation = 1",
                (rs, i) -> new String[]{rs.getString(1), rs.getString(2), rs.getString(3)});
        int hits = 0;
        for (String[] row : rows) {
            List<String> tokens = SearchText.words(row[0] + " " + row[1] + " " + (row[2] == null ? "" : row[2]));
            boolean all = true;
            for (String w : words) {
                boolean any = false;
                for (String t : tokens) {
                    if (SearchText.folded(t).equals(SearchText.folded(w)) || SearchText.phonetic(t).equals(SearchText.phonetic(w))
                            || SearchText.withinOneEdit(SearchText.folded(t), SearchText.folded(w))) {
                        any = true;
                        break;
                    }
                }
                if (!any) {
                    all = false;
                    break;
                }
            }
            if (all) {
                hits++;
            }
        }
        return hits;
    }
}
