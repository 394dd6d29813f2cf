package de.eakte.projections.search;

import de.eakte.core.cases.CaseStatus;
import de.eakte.core.shared.CaseId;
import de.eakte.core.shared.CitizenId;
import de.eakte.core.shared.OfficeCode;
import de.eakte.core.shared.Zones;
import de.eakte.projections.search.MatchKeys.Field;
import de.eakte.projections.search.MatchKeys.Kind;
import de.eakte.projections.search.MatchKeys.QueryWord;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Answers searches from the active generation of the search model with plain SQL: one sub-query
 * per query word finds the citizens sharing a key with it and the best kind of match, the words
 * are joined (every word must match), exact criteria filter, and hits are ranked by their weakest
 * word (exact before normalised before phonetic before fuzzy), then by the sum over all words.
 *
 * <p>What the caller may see is decided outside, by the access policy, hit by hit. Two rules are
 * applied here already, so the rows never leave the database for a caller who may not have them:
 * a citizen under an information block is only found by an office with a case of that citizen,
 * and another office's strictly confidential case is never matched.
 */
public class SearchQueries {

    /** UNION ALL branches per statement, and ids per IN list: short statements both databases plan quickly. */
    private static final int RANGES_PER_STATEMENT = 64;
    private static final int IDS_PER_STATEMENT = 500;

    private final JdbcTemplate jdbc;
    private final Generations generations;
    private final Clock clock;

    public SearchQueries(JdbcTemplate jdbc, Generations generations, Clock clock) {
        this.jdbc = jdbc;
        this.generations = generations;
        this.clock = clock;
    }

    /** Words of the query and the fields each may match in. */
    public record WordCriterion(Set<Field> fields, String word) {
    }

    /** Criteria of a citizen search; null means "any". */
    public record CitizenCriteria(List<WordCriterion> words, LocalDate dateOfBirth, Integer birthYear, String houseNumber,
                                  String postcode, String idNr, String fileReference) {
        public CitizenCriteria {
            words = List.copyOf(words);
        }
    }

    /** One citizen found, before the access policy; {@code match} is the weakest word's kind. */
    public record CitizenRow(CitizenId citizenId, String familyName, String givenNames, String birthName,
                             LocalDate dateOfBirth, String city, Kind match, int score, String sortName) {
        public String cursor() {
            return encode(score + "\n" + sortName + "\n" + citizenId);
        }
    }

    /** Criteria of a case search; null means "any". */
    public record CaseCriteria(String fileReferencePart, OfficeCode office, String caseType, Set<CaseStatus> statuses,
                               Boolean overdue, LocalDate openedFrom, LocalDate openedTo, LocalDate closedFrom,
                               LocalDate closedTo, List<String> words) {
        public CaseCriteria {
            words = List.copyOf(words);
            statuses = statuses == null || statuses.isEmpty() ? null : Set.copyOf(statuses);
        }
    }

    /**
     * One case found, before the access policy, with its citizen's identifying data.
     * {@code entriesNeeded}: some word matched only in the case's entries, not in its subject.
     */
    public record CaseRow(CaseId caseId, CitizenId citizenId, String fileReference, OfficeCode office, String caseType,
                          CaseStatus status, LocalDate deadline, boolean overdue, LocalDate openedOn, LocalDate closedOn,
                          String familyName, String givenNames, String birthName, LocalDate dateOfBirth, String city,
                          boolean entriesNeeded) {
        public String cursor() {
            return encode(openedOn + "\n" + fileReference);
        }
    }

    /** A case of a found citizen that a hit may name, with what decides whether it may. */
    public record CaseRef(CitizenId citizenId, CaseId caseId, String fileReference) {
    }

    // ---- citizens ---------------------------------------------------------------------------

    /**
     * Citizens matching every criterion, best first, after the cursor, at most {@code limit}.
     *
     * <p>Words are matched on the vocabulary, not in one join (docs/decisions/0005-search-engine.md):
     * each query word's keys are looked up in {@code search_word} (point lookups on the primary key),
     * giving the vocabulary words it matches and how; the postings of those words (one short range
     * per word and field, narrowed to the birth year when one is asked) give each citizen's best kind
     * for the query word. The candidate sets are intersected here, smallest first, and only the
     * survivors are read from {@code search_citizen} by primary key, with the exact criteria and the
     * access rules applied there, best score group first, until the page is full.
     *
     * @param office the searching office: blocked citizens without a case of this office are not found,
     *               and the file reference criterion ignores strictly confidential cases of other offices
     */
    public List<CitizenRow> citizens(CitizenCriteria criteria, OfficeCode office, String cursor, int limit) {
        int g = generations.active();
        After after = cursor == null ? null : After.of(cursor);
        if (criteria.words().isEmpty()) {
            return filtered(g, criteria, office, null, Kind.EXACT.level * 1000, after, limit);
        }
        Integer year = criteria.birthYear();
        if (criteria.dateOfBirth() != null) {
            if (year != null && year != criteria.dateOfBirth().getYear()) {
                return List.of();
            }
            year = criteria.dateOfBirth().getYear();
        }
        List<Map<String, Integer>> perWord = new ArrayList<>();
        for (WordCriterion w : criteria.words()) {
            Map<String, Integer> found = citizensMatching(g, w, year);
            if (found.isEmpty()) {
                return List.of();
            }
            perWord.add(found);
        }
        // intersect from the smallest candidate set: score = weakest word * 1000 + sum over words
        perWord.sort(Comparator.comparingInt(Map::size));
        Map<Integer, List<String>> byScore = new TreeMap<>(Comparator.reverseOrder());
        for (Map.Entry<String, Integer> candidate : perWord.get(0).entrySet()) {
            int weakest = candidate.getValue();
            int sum = weakest;
            boolean all = true;
            for (int i = 1; i < perWord.size() && all; i++) {
                Integer level = perWord.get(i).get(candidate.getKey());
                if (level == null) {
                    all = false;
                } else {
                    weakest = Math.min(weakest, level);
                    sum += level;
                }
            }
            if (all) {
                byScore.computeIfAbsent(weakest * 1000 + sum, k -> new ArrayList<>()).add(candidate.getKey());
            }
        }
        List<CitizenRow> page = new ArrayList<>();
        for (Map.Entry<Integer, List<String>> group : byScore.entrySet()) {
            int score = group.getKey();
            if (after != null && score > after.score()) {
                continue;
            }
            page.addAll(filtered(g, criteria, office, group.getValue(), score,
                    after != null && score == after.score() ? after : null, limit - page.size()));
            if (page.size() >= limit) {
                break;
            }
        }
        return page;
    }

    /**
     * The citizens one query word matches in the fields asked, each with the best kind's level:
     * the vocabulary words sharing a key with it (best kind per word), then their postings.
     */
    private Map<String, Integer> citizensMatching(int g, WordCriterion w, Integer year) {
        QueryWord q = MatchKeys.query(w.word());
        List<Object> args = new ArrayList<>();
        List<String> lookups = new ArrayList<>();
        lookup(g, Kind.EXACT, q.exact(), args, lookups);
        lookup(g, Kind.NORMALISED, q.normalised(), args, lookups);
        lookup(g, Kind.PHONETIC, q.phonetic(), args, lookups);
        lookup(g, Kind.FUZZY, q.fuzzy(), args, lookups);
        Map<String, Integer> words = new HashMap<>();
        jdbc.query(String.join(" UNION ALL ", lookups), rs -> {
            words.merge(rs.getString(1), rs.getInt(2), Math::max);
        }, args.toArray());
        Map<String, Integer> citizens = new HashMap<>();
        if (words.isEmpty()) {
            return citizens;
        }
        // one range per (word, field): the postings' primary key is (generation, word, field, birth_year, citizen_id)
        List<String> ranges = new ArrayList<>();
        List<Object> rangeArgs = new ArrayList<>();
        for (Map.Entry<String, Integer> word : words.entrySet()) {
            for (Field field : w.fields()) {
                ranges.add("SELECT citizen_id, " + word.getValue() + " FROM search_citizen_word WHERE generation = ?"
                        + " AND word = ? AND field = '" + field.code + "'" + (year == null ? "" : " AND birth_year = ?"));
                rangeArgs.add(g);
                rangeArgs.add(word.getKey());
                if (year != null) {
                    rangeArgs.add(year);
                }
            }
        }
        for (int from = 0; from < ranges.size(); from += RANGES_PER_STATEMENT) {
            int to = Math.min(ranges.size(), from + RANGES_PER_STATEMENT);
            int perRange = year == null ? 2 : 3;
            jdbc.query(String.join(" UNION ALL ", ranges.subList(from, to)),
                    rs -> {
                        citizens.merge(rs.getString(1), rs.getInt(2), Math::max);
                    }, rangeArgs.subList(from * perRange, to * perRange).toArray());
        }
        return citizens;
    }

    /** Point lookups of one kind's keys in the vocabulary: H2 uses the index for "match_key = ?", not for IN lists. */
    private static void lookup(int g, Kind kind, Collection<String> keys, List<Object> args, List<String> lookups) {
        for (String key : keys) {
            args.add(g);
            args.add(key);
            lookups.add("SELECT word, " + kind.level + " FROM search_word WHERE generation = ? AND kind = '" + kind.code
                    + "' AND match_key = ?");
        }
    }

    /**
     * Citizens with the exact criteria and the access rules applied, in name order, after the cursor,
     * at most {@code limit}: all of the generation ({@code ids} null, no words asked) or those of one
     * score group, read by primary key in chunks.
     */
    private List<CitizenRow> filtered(int g, CitizenCriteria criteria, OfficeCode office, List<String> ids, int score,
                                      After after, int limit) {
        if (ids == null) {
            return filteredChunk(g, criteria, office, null, score, after, limit);
        }
        List<CitizenRow> rows = new ArrayList<>();
        for (int from = 0; from < ids.size(); from += IDS_PER_STATEMENT) {
            rows.addAll(filteredChunk(g, criteria, office, ids.subList(from, Math.min(ids.size(), from + IDS_PER_STATEMENT)),
                    score, after, limit));
        }
        rows.sort(Comparator.comparing(CitizenRow::sortName).thenComparing(r -> r.citizenId().toString()));
        return rows.size() > limit ? rows.subList(0, limit) : rows;
    }

    private List<CitizenRow> filteredChunk(int g, CitizenCriteria criteria, OfficeCode office, List<String> ids, int score,
                                           After after, int limit) {
        List<Object> args = new ArrayList<>();
        StringBuilder sql = new StringBuilder("SELECT c.citizen_id, c.family_name, c.given_names, c.birth_name, ")
                .append("c.date_of_birth, c.city, c.sort_name, ").append(score).append(" AS score")
                .append(" FROM search_citizen c WHERE c.generation = ?");
        args.add(g);
        if (ids != null) {
            sql.append(" AND c.citizen_id IN (").append(String.join(", ", Collections.nCopies(ids.size(), "?"))).append(")");
            args.addAll(ids);
        }
        if (criteria.dateOfBirth() != null) {
            sql.append(" AND c.date_of_birth = ?");
            args.add(Date.valueOf(criteria.dateOfBirth()));
        }
        if (criteria.birthYear() != null) {
            sql.append(" AND c.birth_year = ?");
            args.add(criteria.birthYear());
        }
        if (criteria.houseNumber() != null) {
            sql.append(" AND c.house_number = ?");
            args.add(SearchProjection.houseNumber(criteria.houseNumber()));
        }
        if (criteria.postcode() != null) {
            sql.append(" AND c.postcode = ?");
            args.add(criteria.postcode());
        }
        if (criteria.idNr() != null) {
            sql.append(" AND c.id_nr = ?");
            args.add(criteria.idNr());
        }
        if (criteria.fileReference() != null) {
            sql.append(" AND EXISTS (SELECT 1 FROM search_case x WHERE x.generation = c.generation")
                    .append(" AND x.citizen_id = c.citizen_id AND x.file_reference = ?")
                    .append(" AND (x.confidentiality <> 'STRICTLY_CONFIDENTIAL' OR x.office = ?))");
            args.add(criteria.fileReference());
            args.add(office.value());
        }
        // BMG § 51: a blocked citizen does not appear to other offices at all
        sql.append(" AND (c.information_block = 'NONE' OR EXISTS (SELECT 1 FROM search_case b")
                .append(" WHERE b.generation = c.generation AND b.citizen_id = c.citizen_id AND b.office = ?))");
        args.add(office.value());
        if (after != null) {
            sql.append(" AND (c.sort_name > ? OR (c.sort_name = ? AND c.citizen_id > ?))");
            args.add(after.sortName());
            args.add(after.sortName());
            args.add(after.citizenId());
        }
        sql.append(" ORDER BY c.sort_name, c.citizen_id FETCH FIRST ").append(limit).append(" ROWS ONLY");
        return jdbc.query(sql.toString(), (rs, n) -> citizenRow(rs), args.toArray());
    }

    /** Where a citizen page ended: its last hit's score, sort name and id. */
    private record After(int score, String sortName, String citizenId) {
        static After of(String cursor) {
            String[] after = decode(cursor, 3);
            return new After(number(after[0]), after[1], after[2]);
        }
    }

    private static CitizenRow citizenRow(ResultSet rs) throws SQLException {
        int score = rs.getInt("score");
        return new CitizenRow(CitizenId.of(rs.getString("citizen_id")), rs.getString("family_name"),
                rs.getString("given_names"), rs.getString("birth_name"), rs.getDate("date_of_birth").toLocalDate(),
                rs.getString("city"), Kind.ofLevel(score / 1000), score, rs.getString("sort_name"));
    }

    /**
     * The cases of these citizens, in the order they were opened, except another office's
     * strictly confidential ones; the access policy then decides which a hit may name.
     */
    public Map<CitizenId, List<CaseRef>> casesOf(Collection<CitizenId> citizens, OfficeCode office) {
        Map<CitizenId, List<CaseRef>> cases = new LinkedHashMap<>();
        if (citizens.isEmpty()) {
            return cases;
        }
        List<Object> args = new ArrayList<>();
        args.add(generations.active());
        citizens.forEach(c -> args.add(c.toString()));
        args.add(office.value());
        jdbc.query("SELECT citizen_id, case_id, file_reference FROM search_case WHERE generation = ? AND citizen_id IN ("
                        + String.join(", ", citizens.stream().map(c -> "?").toList())
                        + ") AND (confidentiality <> 'STRICTLY_CONFIDENTIAL' OR office = ?) ORDER BY opened_on, file_reference",
                rs -> {
                    CitizenId citizen = CitizenId.of(rs.getString("citizen_id"));
                    cases.computeIfAbsent(citizen, k -> new ArrayList<>()).add(new CaseRef(citizen,
                            CaseId.of(rs.getString("case_id")), rs.getString("file_reference")));
                }, args.toArray());
        return cases;
    }

    // ---- cases ------------------------------------------------------------------------------

    /** Cases matching every criterion, newest first, after the cursor, at most {@code limit}. */
    public List<CaseRow> cases(CaseCriteria criteria, OfficeCode office, String cursor, int limit) {
        int g = generations.active();
        LocalDate today = LocalDate.ofInstant(clock.instant(), Zones.ADMINISTRATION);
        List<Object> args = new ArrayList<>();
        StringBuilder joins = new StringBuilder();
        StringBuilder weakest = new StringBuilder();
        int i = 0;
        for (String word : criteria.words()) {
            String stem = SearchText.stem(word);
            String alias = "t" + i++;
            joins.append(" JOIN (SELECT case_id, MAX(CASE source WHEN 'S' THEN 2 ELSE 1 END) AS s FROM search_case_term")
                    .append(" WHERE generation = ? AND stem = ? GROUP BY case_id) ").append(alias)
                    .append(" ON ").append(alias).append(".case_id = k.case_id");
            args.add(g);
            args.add(stem);
            weakest.append(weakest.isEmpty() ? "" : ", ").append(alias).append(".s");
        }
        String entriesNeeded = i == 0 ? "2" : i == 1 ? weakest.toString() : "LEAST(" + weakest + ")";
        StringBuilder sql = new StringBuilder("SELECT k.case_id, k.citizen_id, k.file_reference, k.office, k.case_type,")
                .append(" k.status, k.deadline, k.opened_on, k.closed_on, c.family_name, c.given_names, c.birth_name,")
                .append(" c.date_of_birth, c.city, ").append(entriesNeeded).append(" AS subject_level")
                .append(" FROM search_case k").append(joins)
                .append(" JOIN search_citizen c ON c.generation = k.generation AND c.citizen_id = k.citizen_id")
                .append(" WHERE k.generation = ?")
                // strictly confidential cases of other offices are never found
                .append(" AND (k.confidentiality <> 'STRICTLY_CONFIDENTIAL' OR k.office = ?)")
                // BMG § 51: nor cases of blocked citizens by other offices
                .append(" AND (c.information_block = 'NONE' OR EXISTS (SELECT 1 FROM search_case b")
                .append(" WHERE b.generation = k.generation AND b.citizen_id = k.citizen_id AND b.office = ?))");
        args.add(g);
        args.add(office.value());
        args.add(office.value());
        if (criteria.fileReferencePart() != null) {
            sql.append(" AND k.file_reference LIKE ? ESCAPE '!'");
            args.add("%" + criteria.fileReferencePart().replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%");
        }
        if (criteria.office() != null) {
            sql.append(" AND k.office = ?");
            args.add(criteria.office().value());
        }
        if (criteria.caseType() != null) {
            sql.append(" AND k.case_type = ?");
            args.add(criteria.caseType());
        }
        if (criteria.statuses() != null) {
            sql.append(" AND k.status IN (").append(String.join(", ", criteria.statuses().stream().map(s -> "?").toList()))
                    .append(")");
            criteria.statuses().forEach(s -> args.add(s.name()));
        }
        if (criteria.overdue() != null) {
            String pending = pending();
            sql.append(criteria.overdue() ? " AND k.status IN (" + pending + ") AND k.deadline < ?"
                    : " AND (k.status NOT IN (" + pending + ") OR k.deadline >= ?)");
            args.add(Date.valueOf(today));
        }
        range(sql, args, "k.opened_on", criteria.openedFrom(), criteria.openedTo());
        range(sql, args, "k.closed_on", criteria.closedFrom(), criteria.closedTo());
        if (cursor != null) {
            String[] after = decode(cursor, 2);
            sql.append(" AND (k.opened_on < ? OR (k.opened_on = ? AND k.file_reference < ?))");
            Date openedOn = Date.valueOf(date(after[0]));
            args.add(openedOn);
            args.add(openedOn);
            args.add(after[1]);
        }
        sql.append(" ORDER BY k.opened_on DESC, k.file_reference DESC FETCH FIRST ").append(limit).append(" ROWS ONLY");
        return jdbc.query(sql.toString(), (rs, n) -> caseRow(rs, today), args.toArray());
    }

    private static String pending() {
        return EnumSet.allOf(CaseStatus.class).stream().filter(CaseStatus::isPending)
                .map(s -> "'" + s.name() + "'").collect(Collectors.joining(", "));
    }

    private static void range(StringBuilder sql, List<Object> args, String column, LocalDate from, LocalDate to) {
        if (from != null) {
            sql.append(" AND ").append(column).append(" >= ?");
            args.add(Date.valueOf(from));
        }
        if (to != null) {
            sql.append(" AND ").append(column).append(" <= ?");
            args.add(Date.valueOf(to));
        }
    }

    private static CaseRow caseRow(ResultSet rs, LocalDate today) throws SQLException {
        CaseStatus status = CaseStatus.valueOf(rs.getString("status"));
        LocalDate deadline = rs.getDate("deadline").toLocalDate();
        Date closed = rs.getDate("closed_on");
        return new CaseRow(CaseId.of(rs.getString("case_id")), CitizenId.of(rs.getString("citizen_id")),
                rs.getString("file_reference"), new OfficeCode(rs.getString("office")), rs.getString("case_type"),
                status, deadline, status.isPending() && deadline.isBefore(today), rs.getDate("opened_on").toLocalDate(),
                closed == null ? null : closed.toLocalDate(), rs.getString("family_name"), rs.getString("given_names"),
                rs.getString("birth_name"), rs.getDate("date_of_birth").toLocalDate(), rs.getString("city"),
                rs.getInt("subject_level") < 2);
    }

    // ---- cursors ----------------------------------------------------------------------------

    private static String encode(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    /** A cursor's parts; a cursor that was not made here is refused. */
    static String[] decode(String cursor, int parts) {
        try {
            String[] values = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\n", -1);
            if (values.length != parts) {
                throw new InvalidCursorException();
            }
            return values;
        } catch (IllegalArgumentException e) {
            throw new InvalidCursorException();
        }
    }

    private static int number(String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new InvalidCursorException();
        }
    }

    private static LocalDate date(String text) {
        try {
            return LocalDate.parse(text);
        } catch (java.time.DateTimeException e) {
            throw new InvalidCursorException();
        }
    }

    /** A cursor that is not one of ours. */
    public static final class InvalidCursorException extends IllegalArgumentException {
        public InvalidCursorException() {
            super("cursor is not valid");
        }
    }
}
