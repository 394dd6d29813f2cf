package de.eakte.projections.search;

import de.eakte.core.cases.CaseClosed;
import de.eakte.core.cases.CaseOpened;
import de.eakte.core.cases.CaseStatus;
import de.eakte.core.cases.CaseStatusChanged;
import de.eakte.core.cases.DeadlineChanged;
import de.eakte.core.cases.EntryAdded;
import de.eakte.core.cases.CaseFields;
import de.eakte.core.citizens.Address;
import de.eakte.core.citizens.CitizenFields;
import de.eakte.core.crypto.FieldSealer;
import de.eakte.core.crypto.Opened;
import de.eakte.core.retention.CaseDestroyed;
import de.eakte.core.citizens.CitizenErased;
import de.eakte.core.citizens.CitizenFileOpened;
import de.eakte.core.citizens.CitizenMoved;
import de.eakte.core.citizens.InformationBlockLifted;
import de.eakte.core.citizens.InformationBlockSet;
import de.eakte.core.citizens.MasterData;
import de.eakte.core.citizens.MasterDataCorrected;
import de.eakte.core.access.policy.InformationBlock;
import de.eakte.core.shared.CaseId;
import de.eakte.core.shared.CitizenId;
import de.eakte.core.shared.Zones;
import de.eakte.projections.search.MatchKeys.Field;
import de.eakte.projections.search.MatchKeys.Key;
import de.eakte.projections.search.MatchKeys.Word;
import de.eakte.projections.batch.PendingRows;
import de.eakte.projections.batch.WriteBatch;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.function.IntSupplier;

/**
 * The staff search's read model: for each citizen what a hit shows and the match keys of names
 * and address, for each case its facts and the stems of its subject and entries. Handlers only
 * turn events into plain values; the {@code index...} methods do the work, so the event forms can
 * change without touching the indexing.
 *
 * <p>Rows carry a generation. The projection writes into the generation its supplier names: the
 * active one for the live processor, a fixed new one for a rebuild running beside it.
 */
@ProcessingGroup(SearchProjection.PROCESSING_GROUP)
public class SearchProjection {

    public static final String PROCESSING_GROUP = "search";

    private final JdbcTemplate jdbc;
    private final IntSupplier generation;
    private final FieldSealer sealer;

    /** Writes into the given generation (the active one for the live processor, see {@link Generations}). */
    public SearchProjection(JdbcTemplate jdbc, IntSupplier generation, FieldSealer sealer) {
        this.jdbc = jdbc;
        this.generation = generation;
        this.sealer = sealer;
    }

    /** Identifying master data as the search needs it. */
    public record Names(String familyName, String givenNames, String birthName, LocalDate dateOfBirth, String idNr) {
        static Names of(MasterData m) {
            return new Names(m.familyName(), m.givenNames(), m.birthName(), m.dateOfBirth(),
                    m.idNr() == null ? null : m.idNr().value());
        }
    }

    /** A current address as the search needs it. */
    public record Home(String street, String houseNumber, String postcode, String city) {
        static Home of(Address a) {
            return new Home(a.street(), a.houseNumber(), a.postcode().value(), a.city());
        }
    }

    /** A case's facts as the search needs them. */
    public record CaseFacts(CitizenId citizenId, String fileReference, String office, String caseType,
                            String confidentiality, LocalDate deadline, LocalDate openedOn) {
    }

    // ---- events -> plain values -------------------------------------------------------------

    @EventHandler
    public void on(CitizenFileOpened event, @SequenceNumber long sequence) {
        String id = event.citizenId().toString();
        Opened<MasterData> master = sealer.open(event.masterData(), id, CitizenFields.MASTER_DATA);
        Opened<Address> address = sealer.open(event.address(), id, CitizenFields.ADDRESS);
        if (master.isRedacted() || address.isRedacted()) {
            return; // erased: nothing to index
        }
        indexCitizen(event.citizenId(), sequence, Names.of(master.orElse(null)), Home.of(address.orElse(null)));
    }

    @EventHandler
    public void on(MasterDataCorrected event, @SequenceNumber long sequence) {
        sealer.open(event.masterData(), event.citizenId().toString(), CitizenFields.MASTER_DATA).value()
                .ifPresent(m -> reindexNames(event.citizenId(), sequence, Names.of(m)));
    }

    @EventHandler
    public void on(CitizenMoved event, @SequenceNumber long sequence) {
        sealer.open(event.address(), event.citizenId().toString(), CitizenFields.ADDRESS).value()
                .ifPresent(a -> reindexHome(event.citizenId(), sequence, Home.of(a)));
    }

    @EventHandler
    public void on(InformationBlockSet event, @SequenceNumber long sequence) {
        block(event.citizenId(), sequence, event.kind());
    }

    @EventHandler
    public void on(InformationBlockLifted event, @SequenceNumber long sequence) {
        block(event.citizenId(), sequence, InformationBlock.NONE);
    }

    @EventHandler
    public void on(CaseOpened event, @SequenceNumber long sequence) {
        indexCase(event.caseId(), sequence, new CaseFacts(event.citizenId(), event.fileReference().toString(),
                event.office().value(), event.caseType().value(), event.confidentiality().name(), event.deadline(),
                day(event.openedAt())), sealer.open(event.subject(), event.caseId().toString(), CaseFields.SUBJECT).orElse(null));
    }

    @EventHandler
    public void on(EntryAdded event, @SequenceNumber long sequence) {
        String aggregate = event.caseId().toString();
        Batch b = batch();
        if (b.cases.advance(aggregate, sequence) != null) { // opened only if the case takes the entry
            String text = sealer.open(event.text(), aggregate, CaseFields.ENTRY_TEXT).orElse(null);
            String title = event.document() == null ? null
                    : sealer.open(event.document().title(), aggregate, CaseFields.DOCUMENT_TITLE).orElse(null);
            b.terms(aggregate, 'E', (text == null ? "" : text) + " " + (title == null ? "" : title));
        }
        b.done();
    }

    @EventHandler
    public void on(CaseStatusChanged event, @SequenceNumber long sequence) {
        caseStatus(event.caseId(), sequence, event.to(), null);
    }

    @EventHandler
    public void on(CaseClosed event, @SequenceNumber long sequence) {
        caseStatus(event.caseId(), sequence, CaseStatus.CLOSED, day(event.closedAt()));
    }

    @EventHandler
    public void on(DeadlineChanged event, @SequenceNumber long sequence) {
        Batch b = batch();
        PendingRows.Row row = b.cases.advance(event.caseId().toString(), sequence);
        if (row != null) {
            row.set("deadline", Date.valueOf(event.deadline()));
        }
        b.done();
    }

    /** An erased citizen is forgotten by the search, in every generation. */
    @EventHandler
    public void on(CitizenErased event) {
        forgetCitizen(event.citizenId());
    }

    /** Disposal kind V: the case's words (subject, entries) go; its facts stay findable by reference. */
    @EventHandler
    public void on(CaseDestroyed event) {
        batch().flush(); // the terms this unit of work holds go first
        jdbc.update("DELETE FROM search_case_term WHERE case_id = ?", event.caseId().toString());
    }

    /** A replay of the live processor starts its generation empty. */
    @ResetHandler
    public void reset() {
        clear(generation.getAsInt());
    }

    // ---- one unit of work's writes ------------------------------------------------------------

    private static final Set<Class<?>> CITIZEN_EVENTS = Set.of(CitizenFileOpened.class, MasterDataCorrected.class,
            CitizenMoved.class, InformationBlockSet.class, InformationBlockLifted.class);
    private static final Set<Class<?>> CASE_EVENTS = Set.of(CaseOpened.class, EntryAdded.class, CaseStatusChanged.class,
            CaseClosed.class, DeadlineChanged.class);

    private final String batchKey = SearchProjection.class.getName() + "#" + UUID.randomUUID();

    private Batch batch() {
        return WriteBatch.current(batchKey, Batch::new);
    }

    /**
     * What a unit of work writes (decision 0009): the generation is read once, the citizen and case
     * rows its events touch are looked up in one statement each; postings, new words of the
     * vocabulary and case terms are collected and written as JDBC batches before the commit, a
     * word's or term's novelty decided then with one look-up for all of them.
     */
    private final class Batch extends WriteBatch {
        final int generation;
        final PendingRows citizens;
        final PendingRows cases;
        private final Map<String, Word> words = new LinkedHashMap<>();
        private final Map<String, Set<String>> terms = new LinkedHashMap<>();
        /** Cases this batch inserted since its last flush: they have no terms in the table yet. */
        private final Set<String> newCases = new HashSet<>();

        Batch(boolean bound, List<EventMessage<?>> events) {
            super(SearchProjection.this.jdbc, bound);
            this.generation = SearchProjection.this.generation.getAsInt();
            this.citizens = new PendingRows(jdbc, "search_citizen", "citizen_id", generation);
            this.cases = new PendingRows(jdbc, "search_case", "case_id", generation);
            citizens.load(aggregates(events, CITIZEN_EVENTS));
            cases.load(aggregates(events, CASE_EVENTS));
        }

        @Override
        protected List<PendingRows> rows() {
            return List.of(citizens, cases);
        }

        /** Posts the citizen's words; words the vocabulary does not know yet are added at the end. */
        void post(String citizenId, int year, List<Posting> postings) {
            Set<String> rows = new HashSet<>();
            for (Posting p : postings) {
                if (rows.add(p.word().exact() + '\n' + p.field().code)) {
                    append("INSERT INTO search_citizen_word (generation, word, field, birth_year, citizen_id) VALUES (?, ?, ?, ?, ?)",
                            generation, p.word().exact(), String.valueOf(p.field().code), year, citizenId);
                }
                words.putIfAbsent(p.word().exact(), p.word());
            }
        }

        /** The stems of a text for a case and source; those the case has there already are left out at the end. */
        void terms(String caseId, char source, String text) {
            Set<String> stems = stems(text);
            if (!stems.isEmpty()) {
                terms.computeIfAbsent(caseId + '\n' + source, k -> new LinkedHashSet<>()).addAll(stems);
            }
        }

        @Override
        protected void flushMore() {
            if (!words.isEmpty()) {
                // the word's own exact row says it is known (one writer per generation: the processor's one segment)
                Set<String> known = new HashSet<>();
                List<String> all = new ArrayList<>(words.keySet());
                for (int from = 0; from < all.size(); from += 500) {
                    List<String> chunk = all.subList(from, Math.min(all.size(), from + 500));
                    List<Object> args = new ArrayList<>(chunk);
                    args.add(0, generation);
                    known.addAll(jdbc.queryForList("SELECT word FROM search_word WHERE generation = ? AND kind = 'E' AND match_key IN ("
                            + String.join(", ", Collections.nCopies(chunk.size(), "?")) + ") AND word = match_key",
                            String.class, args.toArray()));
                }
                insertNewWords(generation, words.values(), known);
                words.clear();
            }
            if (!terms.isEmpty()) {
                Set<String> known = new HashSet<>();
                // only cases that were there before: terms are written with their case, a case without a row has none
                List<String> caseIds = new ArrayList<>(new LinkedHashSet<>(terms.keySet().stream()
                        .map(k -> k.substring(0, k.indexOf('\n'))).filter(k -> !newCases.contains(k)).toList()));
                for (int from = 0; from < caseIds.size(); from += 500) {
                    List<String> chunk = caseIds.subList(from, Math.min(caseIds.size(), from + 500));
                    List<Object> args = new ArrayList<>(chunk);
                    args.add(0, generation);
                    jdbc.query("SELECT case_id, source, stem FROM search_case_term WHERE generation = ? AND case_id IN ("
                            + String.join(", ", Collections.nCopies(chunk.size(), "?")) + ")",
                            rs -> {
                                known.add(rs.getString(1) + '\n' + rs.getString(2) + '\n' + rs.getString(3));
                            }, args.toArray());
                }
                List<Object[]> rows = new ArrayList<>();
                terms.forEach((caseAndSource, stems) -> {
                    int cut = caseAndSource.indexOf('\n');
                    for (String stem : stems) {
                        if (!known.contains(caseAndSource + '\n' + stem)) {
                            rows.add(new Object[]{generation, stem, caseAndSource.substring(0, cut),
                                    caseAndSource.substring(cut + 1)});
                        }
                    }
                });
                jdbc.batchUpdate("INSERT INTO search_case_term (generation, stem, case_id, source) VALUES (?, ?, ?, ?)", rows);
                terms.clear();
            }
            newCases.clear();
        }
    }

    // ---- indexing ---------------------------------------------------------------------------

    public void indexCitizen(CitizenId citizenId, long version, Names names, Home home) {
        Batch b = batch();
        String id = citizenId.toString();
        if (b.citizens.find(id) != null) {
            b.done();
            return;
        }
        int year = names.dateOfBirth().getYear();
        b.citizens.insert(id, version).set("family_name", names.familyName()).set("given_names", names.givenNames())
                .set("birth_name", names.birthName()).set("date_of_birth", Date.valueOf(names.dateOfBirth()))
                .set("birth_year", year).set("id_nr", names.idNr()).set("street_key", streetKey(home.street()))
                .set("house_number", houseNumber(home.houseNumber())).set("postcode", home.postcode())
                .set("city", home.city()).set("sort_name", sortName(names));
        List<Posting> postings = new ArrayList<>(nameWords(names));
        postings.addAll(homeWords(home));
        b.post(id, year, postings);
        b.done();
    }

    public void reindexNames(CitizenId citizenId, long version, Names names) {
        Batch b = batch();
        b.flush(); // rare: what the unit of work holds goes first, then these statements run as they are
        int g = b.generation;
        String id = citizenId.toString();
        int year = names.dateOfBirth().getYear();
        int updated = jdbc.update("""
                UPDATE search_citizen SET family_name = ?, given_names = ?, birth_name = ?, date_of_birth = ?,
                  birth_year = ?, id_nr = ?, sort_name = ?, version = ?
                WHERE generation = ? AND citizen_id = ? AND version < ?""",
                names.familyName(), names.givenNames(), names.birthName(), Date.valueOf(names.dateOfBirth()),
                year, names.idNr(), sortName(names), version, g, id, version);
        if (updated > 0) {
            List<String> before = wordsOf(g, id, "'F', 'G'");
            jdbc.update("DELETE FROM search_citizen_word WHERE generation = ? AND citizen_id = ? AND field IN ('F', 'G')",
                    g, id);
            // a corrected date of birth moves the address words to the new year too
            jdbc.update("UPDATE search_citizen_word SET birth_year = ? WHERE generation = ? AND citizen_id = ? AND birth_year <> ?",
                    year, g, id, year);
            post(g, id, year, nameWords(names));
            dropUnused(g, before);
        }
    }

    public void reindexHome(CitizenId citizenId, long version, Home home) {
        Batch b = batch();
        b.flush(); // rare: what the unit of work holds goes first, then these statements run as they are
        int g = b.generation;
        String id = citizenId.toString();
        int updated = jdbc.update("""
                UPDATE search_citizen SET street_key = ?, house_number = ?, postcode = ?, city = ?, version = ?
                WHERE generation = ? AND citizen_id = ? AND version < ?""",
                streetKey(home.street()), houseNumber(home.houseNumber()), home.postcode(), home.city(), version, g, id,
                version);
        if (updated > 0) {
            int year = jdbc.queryForObject("SELECT birth_year FROM search_citizen WHERE generation = ? AND citizen_id = ?",
                    Integer.class, g, id);
            List<String> before = wordsOf(g, id, "'S', 'C'");
            jdbc.update("DELETE FROM search_citizen_word WHERE generation = ? AND citizen_id = ? AND field IN ('S', 'C')",
                    g, id);
            post(g, id, year, homeWords(home));
            dropUnused(g, before);
        }
    }

    public void block(CitizenId citizenId, long version, InformationBlock block) {
        Batch b = batch();
        PendingRows.Row row = b.citizens.advance(citizenId.toString(), version);
        if (row != null) {
            row.set("information_block", block.name());
        }
        b.done();
    }

    /**
     * The citizen is forgotten in every generation: rows, words, cases and their terms; a word of
     * the vocabulary that no other citizen has goes too (GDPR Art. 17: a rare name is personal data
     * even without the link).
     */
    public void forgetCitizen(CitizenId citizenId) {
        batch().flush(); // what the unit of work holds goes first, then is forgotten
        String id = citizenId.toString();
        jdbc.update("""
                DELETE FROM search_case_term WHERE case_id IN (SELECT c.case_id FROM search_case c
                  WHERE c.citizen_id = ?)""", id);
        jdbc.update("DELETE FROM search_case WHERE citizen_id = ?", id);
        // every generation that has the citizen (a scan, but erasure is rare): serving, building, and an
        // old one whose removal after a swap has not happened yet
        List<Integer> generations = jdbc.queryForList("SELECT DISTINCT generation FROM search_citizen WHERE citizen_id = ?",
                Integer.class, id);
        for (int g : generations) {
            List<String> words = wordsOf(g, id, "'F', 'G', 'S', 'C'");
            jdbc.update("DELETE FROM search_citizen_word WHERE generation = ? AND citizen_id = ?", g, id);
            dropUnused(g, words);
            jdbc.update("DELETE FROM search_citizen WHERE generation = ? AND citizen_id = ?", g, id);
        }
    }

    public void indexCase(CaseId caseId, long version, CaseFacts facts, String subject) {
        Batch b = batch();
        String id = caseId.toString();
        if (b.cases.find(id) != null) {
            b.done();
            return;
        }
        b.cases.insert(id, version).set("citizen_id", facts.citizenId().toString())
                .set("file_reference", facts.fileReference()).set("office", facts.office())
                .set("case_type", facts.caseType()).set("confidentiality", facts.confidentiality())
                .set("status", CaseStatus.OPEN.name()).set("deadline", Date.valueOf(facts.deadline()))
                .set("opened_on", Date.valueOf(facts.openedOn()));
        b.newCases.add(id);
        b.terms(id, 'S', subject);
        b.done();
    }

    public void indexEntry(CaseId caseId, long version, String text, String documentTitle) {
        Batch b = batch();
        String id = caseId.toString();
        if (b.cases.advance(id, version) != null) {
            b.terms(id, 'E', (text == null ? "" : text) + " " + (documentTitle == null ? "" : documentTitle));
        }
        b.done();
    }

    public void caseStatus(CaseId caseId, long version, CaseStatus status, LocalDate closedOn) {
        Batch b = batch();
        PendingRows.Row row = b.cases.advance(caseId.toString(), version);
        if (row != null) {
            row.set("status", status.name());
            if (closedOn != null) { // closed_on = COALESCE(?, closed_on)
                row.set("closed_on", Date.valueOf(closedOn));
            }
        }
        b.done();
    }

    /** Empties one generation. */
    public void clear(int g) {
        jdbc.update("DELETE FROM search_case_term WHERE generation = ?", g);
        jdbc.update("DELETE FROM search_case WHERE generation = ?", g);
        jdbc.update("DELETE FROM search_citizen_word WHERE generation = ?", g);
        jdbc.update("DELETE FROM search_word WHERE generation = ?", g);
        jdbc.update("DELETE FROM search_citizen WHERE generation = ?", g);
    }

    // ---- helpers ----------------------------------------------------------------------------

    /** A word of the citizen in a field. */
    record Posting(Field field, Word word) {
    }

    static List<Posting> nameWords(Names names) {
        List<Posting> postings = new ArrayList<>();
        MatchKeys.words(Field.FAMILY, names.familyName()).forEach(w -> postings.add(new Posting(Field.FAMILY, w)));
        if (names.birthName() != null) {
            MatchKeys.words(Field.FAMILY, names.birthName()).forEach(w -> postings.add(new Posting(Field.FAMILY, w)));
        }
        MatchKeys.words(Field.GIVEN, names.givenNames()).forEach(w -> postings.add(new Posting(Field.GIVEN, w)));
        return postings;
    }

    static List<Posting> homeWords(Home home) {
        List<Posting> postings = new ArrayList<>();
        MatchKeys.words(Field.STREET, home.street()).forEach(w -> postings.add(new Posting(Field.STREET, w)));
        MatchKeys.words(Field.CITY, home.city()).forEach(w -> postings.add(new Posting(Field.CITY, w)));
        return postings;
    }

    /** The street as one normalised key: "Hauptstraße", "Hauptstrasse" and "Hauptstr." are "hauptstr". */
    public static String streetKey(String street) {
        return String.join("", SearchText.words(street).stream().map(SearchText::normalised).toList());
    }

    public static String houseNumber(String houseNumber) {
        return houseNumber == null ? null : houseNumber.replaceAll("\\s+", "").toLowerCase(Locale.GERMAN);
    }

    static String sortName(Names names) {
        String sort = String.join(" ", SearchText.words(names.familyName()).stream().map(SearchText::normalised).toList())
                + " " + String.join(" ", SearchText.words(names.givenNames()).stream().map(SearchText::normalised).toList());
        return sort.length() > 320 ? sort.substring(0, 320) : sort;
    }

    /** Posts the citizen's words and adds the words the vocabulary does not know yet, with their keys. */
    private void post(int g, String citizenId, int year, List<Posting> postings) {
        Set<String> rows = new HashSet<>();
        List<Object[]> posted = new ArrayList<>();
        Map<String, Word> words = new LinkedHashMap<>();
        for (Posting p : postings) {
            if (rows.add(p.word().exact() + '\n' + p.field().code)) {
                posted.add(new Object[]{g, p.word().exact(), String.valueOf(p.field().code), year, citizenId});
            }
            words.putIfAbsent(p.word().exact(), p.word());
        }
        jdbc.batchUpdate("INSERT INTO search_citizen_word (generation, word, field, birth_year, citizen_id) VALUES (?, ?, ?, ?, ?)",
                posted);
        if (words.isEmpty()) {
            return;
        }
        // the word's own exact row says it is known (one writer per generation: the processor's one segment);
        // one point lookup on the primary key per word
        List<Object> args = new ArrayList<>();
        List<String> lookups = new ArrayList<>();
        for (String word : words.keySet()) {
            lookups.add("SELECT word FROM search_word WHERE generation = ? AND kind = 'E' AND match_key = ? AND word = ?");
            args.add(g);
            args.add(word);
            args.add(word);
        }
        Set<String> known = new HashSet<>(jdbc.queryForList(String.join(" UNION ALL ", lookups), String.class,
                args.toArray()));
        insertNewWords(g, words.values(), known);
    }

    /** The match keys of every word not yet known in the generation, each kind and key once per word. */
    private void insertNewWords(int g, Collection<Word> words, Set<String> known) {
        List<Object[]> keys = new ArrayList<>();
        for (Word w : words) {
            if (known.contains(w.exact())) {
                continue;
            }
            Set<String> seen = new HashSet<>();
            for (Key k : w.keys()) {
                if (seen.add(k.kind().code + k.key())) {
                    keys.add(new Object[]{g, String.valueOf(k.kind().code), k.key(), w.exact()});
                }
            }
        }
        jdbc.batchUpdate("INSERT INTO search_word (generation, kind, match_key, word) VALUES (?, ?, ?, ?)", keys);
    }

    /** The words a citizen has in these fields (codes quoted, comma-separated). */
    private List<String> wordsOf(int g, String citizenId, String fields) {
        return jdbc.queryForList("SELECT DISTINCT word FROM search_citizen_word WHERE generation = ? AND citizen_id = ?"
                + " AND field IN (" + fields + ")", String.class, g, citizenId);
    }

    /** Words no citizen has any more leave the vocabulary with their keys. */
    private void dropUnused(int g, List<String> words) {
        for (String word : words) {
            if (jdbc.queryForList("SELECT 1 FROM search_citizen_word WHERE generation = ? AND word = ? FETCH FIRST 1 ROWS ONLY",
                    Integer.class, g, word).isEmpty()) {
                jdbc.update("DELETE FROM search_word WHERE generation = ? AND word = ?", g, word);
            }
        }
    }

    /** The distinct stems of a text's words of two letters or more. */
    public static Set<String> stems(String text) {
        Set<String> stems = new LinkedHashSet<>();
        for (String word : SearchText.words(text)) {
            String stem = SearchText.stem(word);
            if (stem.length() >= 2) {
                stems.add(stem.length() > MatchKeys.MAX_KEY ? stem.substring(0, MatchKeys.MAX_KEY) : stem);
            }
        }
        return stems;
    }

    private static LocalDate day(Instant instant) {
        return LocalDate.ofInstant(instant, Zones.ADMINISTRATION);
    }
}
