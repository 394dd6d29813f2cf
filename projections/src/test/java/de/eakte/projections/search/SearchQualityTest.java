package de.eakte.projections.search;

import de.eakte.core.crypto.FieldSealer;
import de.eakte.core.crypto.InMemoryDataKeys;
import de.eakte.core.crypto.NonceSource;
import de.eakte.core.shared.CitizenId;
import de.eakte.core.shared.OfficeCode;
import de.eakte.projections.search.MatchKeys.Field;
import de.eakte.projections.search.Population.Person;
import de.eakte.projections.search.SearchQueries.CitizenCriteria;
import de.eakte.projections.search.SearchQueries.CitizenRow;
import de.eakte.projections.search.SearchQueries.WordCriterion;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Search quality, measured: a labelled set of queries over a generated population (fixed seed),
 * each query written the way staff type what is on a form or heard on the phone (folded umlauts,
 * ae/oe/ue, capitals, a typo, another spelling of the same sound, the birth name, one part of a
 * double name, the new street after a move, Str. for Straße, a birth date). Which citizens are
 * relevant is decided by an oracle on the true data, not by the search. Precision@10 and recall
 * (of the first 50 hits) are reported per kind and overall; the test fails below the baseline in
 * {@code search-quality-baseline.properties}.
 */
class SearchQualityTest {

    private static final long SEED = 20261121L;
    private static final int POPULATION = 3000;
    private static final int PER_KIND = 7;
    private static final Set<Field> ANYWHERE = EnumSet.allOf(Field.class);
    private static final Map<String, String> SOUND_ALIKE = Map.of("Meyer", "Maier", "Maier", "Meier", "Mayer", "Meyer",
            "Meier", "Mayer", "Schmidt", "Schmitt", "Schmitt", "Schmidt", "Hoffmann", "Hofmann", "Hofmann", "Hoffmann",
            "Wolf", "Wolff", "Kühn", "Kuhn");

    private static Population population;
    private static SearchQueries queries;
    private static Person juergen;

    /** One labelled query: the text typed and who it is meant to find. */
    record Labelled(String kind, String text, Predicate<Person> relevant) {
    }

    @BeforeAll
    static void city() {
        JdbcTemplate jdbc = new JdbcTemplate(TestDatabases.h2());
        Generations generations = new Generations(jdbc, SearchProjection.PROCESSING_GROUP);
        population = new Population(SEED, POPULATION);
        juergen = population.add("Meyer", "Jürgen", LocalDate.of(1961, 4, 23), "Hauptstraße", "Leipzig");
        population.index(new SearchProjection(jdbc, generations::active, new FieldSealer(new InMemoryDataKeys(new Random(SEED)),
                NonceSource.secureRandom())));
        queries = new SearchQueries(jdbc, generations, Clock.systemUTC());
    }

    @Test
    void jurgenMaier1961_findsJuergenMeyerBorn1961Hauptstrasse() {
        assertThat(search("jurgen maier 1961", 10)).contains(juergen.id());
        assertThat(search("jurgen maier 1961 hauptstrasse", 10)).containsExactly(juergen.id());
    }

    @Test
    void labelledQueries_meetTheBaseline() throws IOException {
        List<Labelled> labelled = labelled();
        assertThat(labelled).hasSizeGreaterThanOrEqualTo(60);

        Map<String, double[]> byKind = new LinkedHashMap<>();
        double precisionSum = 0;
        double recallSum = 0;
        StringBuilder report = new StringBuilder();
        for (Labelled q : labelled) {
            Set<CitizenId> relevant = population.people.stream().filter(q.relevant()).map(Person::id)
                    .collect(Collectors.toSet());
            assertThat(relevant).as("query %s has someone to find", q.text()).isNotEmpty();
            List<CitizenId> hits = search(q.text(), 50);
            List<CitizenId> top = hits.subList(0, Math.min(10, hits.size()));
            double precision = top.isEmpty() ? 0 : (double) top.stream().filter(relevant::contains).count() / top.size();
            double recall = (double) hits.stream().filter(relevant::contains).count() / relevant.size();
            precisionSum += precision;
            recallSum += recall;
            double[] sums = byKind.computeIfAbsent(q.kind(), k -> new double[3]);
            sums[0] += precision;
            sums[1] += recall;
            sums[2]++;
            if (recall < 1) {
                report.append(String.format(Locale.ROOT, "  missed: %-14s %-45s recall %.2f%n", q.kind(), q.text(), recall));
            }
        }
        double precision = precisionSum / labelled.size();
        double recall = recallSum / labelled.size();
        report.insert(0, String.format(Locale.ROOT, "search quality over %d queries, %d citizens: precision@10 %.3f, recall %.3f%n",
                labelled.size(), population.people.size(), precision, recall));
        byKind.forEach((kind, s) -> report.append(String.format(Locale.ROOT, "  %-14s precision@10 %.3f  recall %.3f  (%d)%n",
                kind, s[0] / s[2], s[1] / s[2], (int) s[2])));
        System.out.println(report);

        Properties baseline = new Properties();
        try (InputStream in = getClass().getResourceAsStream("/search-quality-baseline.properties")) {
            baseline.load(in);
        }
        assertThat(precision).as(report.toString())
                .isGreaterThanOrEqualTo(Double.parseDouble(baseline.getProperty("precision-at-10")));
        assertThat(recall).as(report.toString()).isGreaterThanOrEqualTo(Double.parseDouble(baseline.getProperty("recall")));
    }

    /** Free text as staff type it: a year or a date narrows, every other word must match somewhere. */
    private static List<CitizenId> search(String text, int limit) {
        List<WordCriterion> words = new ArrayList<>();
        Integer year = null;
        LocalDate born = null;
        for (String token : text.split("\\s+")) {
            if (token.matches("[0-9]{1,2}\\.[0-9]{1,2}\\.[0-9]{4}")) {
                born = LocalDate.parse(token, DateTimeFormatter.ofPattern("d.M.uuuu"));
            } else if (token.matches("(19|20)[0-9]{2}")) {
                year = Integer.parseInt(token);
            } else {
                SearchText.words(token).forEach(w -> words.add(new WordCriterion(ANYWHERE, w)));
            }
        }
        return queries.citizens(new CitizenCriteria(words, born, year, null, null, null, null), new OfficeCode("33"), null,
                limit).stream().map(CitizenRow::citizenId).toList();
    }

    // ---- the labelled set -------------------------------------------------------------------

    private static List<Labelled> labelled() {
        Random random = new Random(SEED + 1);
        List<Person> people = population.people;
        List<Labelled> set = new ArrayList<>();
        set.add(new Labelled("issue", "jurgen maier 1961", p -> p == juergen));
        kind(set, random, people, p -> true, "exact", p -> first(p) + " " + p.family() + " " + p.born().getYear(),
                Sought::nameAndYear);
        kind(set, random, people, p -> !ascii(p.family() + first(p)), "folded",
                p -> fold(first(p) + " " + p.family()) + " " + p.born().getYear(), Sought::nameAndYear);
        kind(set, random, people, p -> !ascii(p.family() + first(p)), "transliterated",
                p -> spell(first(p)) + " " + spell(p.family()) + " " + p.born().getYear(), Sought::nameAndYear);
        kind(set, random, people, p -> true, "capitals",
                p -> spell(p.family()).toUpperCase(Locale.ROOT) + " " + spell(first(p)).toUpperCase(Locale.ROOT)
                        + " " + p.born().getYear(), Sought::nameAndYear);
        kind(set, random, people, p -> lastPart(p).length() >= 6 && !p.family().contains("-"), "typo",
                p -> first(p) + " " + typo(p.family(), random) + " " + p.born().getYear(), Sought::nameAndYear);
        kind(set, random, people, p -> SOUND_ALIKE.containsKey(p.family()), "sound-alike",
                p -> first(p) + " " + SOUND_ALIKE.get(p.family()) + " " + p.born().getYear(), Sought::nameAndYear);
        kind(set, random, people, p -> p.birthName() != null, "birth-name",
                p -> first(p) + " " + p.birthName() + " " + p.born().getYear(), Sought::birthNameAndYear);
        kind(set, random, people, p -> p.family().contains("-"), "double-name",
                p -> first(p) + " " + lastPart(p) + " " + p.born().getYear(), Sought::nameAndYear);
        kind(set, random, people, Person::moved, "moved",
                p -> p.family() + " " + first(p) + " " + p.street(), Sought::nameAndStreet);
        kind(set, random, people, p -> p.street().endsWith("straße"), "street-spelling",
                p -> p.family() + " " + p.street().replace("straße", random.nextBoolean() ? "str." : "strasse") + " "
                        + p.city(), Sought::familyStreetCity);
        kind(set, random, people, p -> true, "birth-date",
                p -> p.family() + " " + p.born().format(DateTimeFormatter.ofPattern("dd.MM.uuuu")), Sought::familyAndBirth);
        return set;
    }

    /** What a labeller means by a query about a person: the oracle on the true data. */
    private static final class Sought {
        static Predicate<Person> nameAndYear(Person t) {
            return p -> familyParts(p).contains(lastPart(t)) && givenParts(p).contains(first(t))
                    && p.born().getYear() == t.born().getYear();
        }

        static Predicate<Person> birthNameAndYear(Person t) {
            return p -> familyParts(p).contains(t.birthName()) && givenParts(p).contains(first(t))
                    && p.born().getYear() == t.born().getYear();
        }

        static Predicate<Person> nameAndStreet(Person t) {
            return p -> familyParts(p).containsAll(Arrays.asList(t.family().split("-")))
                    && givenParts(p).contains(first(t)) && p.street().equals(t.street());
        }

        static Predicate<Person> familyStreetCity(Person t) {
            return p -> familyParts(p).containsAll(Arrays.asList(t.family().split("-")))
                    && p.street().equals(t.street()) && p.city().equals(t.city());
        }

        static Predicate<Person> familyAndBirth(Person t) {
            return p -> familyParts(p).containsAll(Arrays.asList(t.family().split("-"))) && p.born().equals(t.born());
        }
    }

    private static void kind(List<Labelled> set, Random random, List<Person> people, Predicate<Person> eligible,
                             String kind, java.util.function.Function<Person, String> text,
                             java.util.function.Function<Person, Predicate<Person>> relevant) {
        List<Person> candidates = people.stream().filter(eligible).toList();
        for (int i = 0; i < PER_KIND; i++) {
            Person target = candidates.get(random.nextInt(candidates.size()));
            set.add(new Labelled(kind, text.apply(target), relevant.apply(target)));
        }
    }

    private static List<String> familyParts(Person p) {
        List<String> parts = new ArrayList<>(Arrays.asList(p.family().split("-")));
        if (p.birthName() != null) {
            parts.add(p.birthName());
        }
        return parts;
    }

    private static List<String> givenParts(Person p) {
        return Arrays.asList(p.given().split(" "));
    }

    private static String first(Person p) {
        return p.given().split(" ")[0];
    }

    private static String lastPart(Person p) {
        String[] parts = p.family().split("-");
        return parts[parts.length - 1];
    }

    private static boolean ascii(String text) {
        return text.chars().allMatch(c -> c < 128);
    }

    /** As typed on a keyboard without umlauts: ü -> u, ß -> ss, lower case. */
    private static String fold(String text) {
        return Arrays.stream(text.split(" ")).map(SearchText::folded).collect(Collectors.joining(" "));
    }

    /** As spelled in a system without umlauts: ü -> ue, ß -> ss. */
    private static String spell(String text) {
        return text.replace("ä", "ae").replace("ö", "oe").replace("ü", "ue").replace("Ä", "Ae").replace("Ö", "Oe")
                .replace("Ü", "Ue").replace("ß", "ss");
    }

    /** One typo: two neighbouring letters swapped, one left out, or one doubled. */
    private static String typo(String word, Random random) {
        int i = 1 + random.nextInt(word.length() - 3);
        return switch (random.nextInt(3)) {
            case 0 -> word.substring(0, i) + word.charAt(i + 1) + word.charAt(i) + word.substring(i + 2);
            case 1 -> word.substring(0, i) + word.substring(i + 1);
            default -> word.substring(0, i) + word.charAt(i) + word.substring(i);
        };
    }
}
