package de.eakte.projections.file;

import de.eakte.core.catalogue.CaseTypeCode;
import de.eakte.core.catalogue.Confidentiality;
import de.eakte.core.catalogue.DisposalKind;
import de.eakte.core.cases.CaseClosed;
import de.eakte.core.cases.CaseOpened;
import de.eakte.core.cases.CaseStatus;
import de.eakte.core.cases.CaseStatusChanged;
import de.eakte.core.cases.DeadlineChanged;
import de.eakte.core.cases.DocumentMetadata;
import de.eakte.core.cases.EntryAdded;
import de.eakte.core.cases.EntryKind;
import de.eakte.core.cases.LegalHoldLifted;
import de.eakte.core.cases.LegalHoldPlaced;
import de.eakte.core.retention.CaseDestroyed;
import de.eakte.core.retention.CaseListedForAppraisal;
import de.eakte.core.retention.CaseMarkedForArchive;
import de.eakte.core.cases.FileReference;
import de.eakte.core.cases.Visibility;
import de.eakte.core.citizens.Address;
import de.eakte.core.citizens.CitizenErased;
import de.eakte.core.citizens.CitizenFields;
import de.eakte.core.citizens.CitizenFileOpened;
import de.eakte.core.citizens.ProcessingRestricted;
import de.eakte.core.citizens.RetentionFacts;
import de.eakte.core.cases.CaseFields;
import de.eakte.core.cases.StoredDocument;
import de.eakte.core.crypto.FieldSealer;
import de.eakte.core.crypto.Opened;
import de.eakte.core.citizens.CitizenMoved;
import de.eakte.core.citizens.InformationBlockLifted;
import de.eakte.core.citizens.InformationBlockSet;
import de.eakte.core.access.policy.CaseFact;
import de.eakte.core.access.policy.InformationBlock;
import de.eakte.core.citizens.IdNr;
import de.eakte.core.citizens.MasterData;
import de.eakte.core.citizens.MasterDataCorrected;
import de.eakte.core.citizens.Postcode;
import de.eakte.core.file.GetCase;
import de.eakte.core.file.GetConsolidatedFile;
import de.eakte.core.file.GetConsolidatedFile.AddressRecord;
import de.eakte.core.file.GetConsolidatedFile.CaseSummary;
import de.eakte.core.shared.CaseId;
import de.eakte.core.shared.CitizenId;
import de.eakte.core.shared.EntryId;
import de.eakte.core.shared.OfficeCode;
import de.eakte.core.shared.Zones;
import de.eakte.projections.batch.PendingRows;
import de.eakte.projections.batch.WriteBatch;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.IntSupplier;

/**
 * The consolidated file: each citizen's master data and address history with a summary of every
 * case across offices, and each case's entries. Every row stores the aggregate version it has
 * reached, so a reader can wait for its own write (see {@link #reachedVersion}).
 */
@ProcessingGroup(ConsolidatedFileProjection.PROCESSING_GROUP)
public class ConsolidatedFileProjection {

    public static final String PROCESSING_GROUP = "consolidated-file";

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final FieldSealer sealer;
    private final IntSupplier generation;

    /**
     * Writes into the generation the supplier names: the active one for the live processor, a fixed
     * new one for a rebuild beside it ({@code Generations}, decision 0007). Readers read the views
     * of the active generation ({@code citizen_file_view}, {@code case_view}, ...).
     */
    public ConsolidatedFileProjection(JdbcTemplate jdbc, Clock clock, FieldSealer sealer, IntSupplier generation) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.sealer = sealer;
        this.generation = generation;
    }

    // ---- one unit of work's writes ---------------------------------------------------------------

    private static final Set<Class<?>> CITIZEN_EVENTS = Set.of(CitizenFileOpened.class, MasterDataCorrected.class,
            CitizenMoved.class, InformationBlockSet.class, InformationBlockLifted.class, ProcessingRestricted.class);
    private static final Set<Class<?>> CASE_EVENTS = Set.of(CaseOpened.class, EntryAdded.class, CaseStatusChanged.class,
            CaseClosed.class, DeadlineChanged.class, LegalHoldPlaced.class, LegalHoldLifted.class);

    private final String batchKey = ConsolidatedFileProjection.class.getName() + "#" + UUID.randomUUID();

    /**
     * The rows a unit of work writes (decision 0009): the generation is read once, the citizen and
     * case rows its events touch are looked up in one statement each, and everything is written as
     * JDBC batches before the commit.
     */
    private final class Batch extends WriteBatch {
        final int generation;
        final PendingRows citizens;
        final PendingRows cases;

        Batch(boolean bound, List<EventMessage<?>> events) {
            super(ConsolidatedFileProjection.this.jdbc, bound);
            this.generation = ConsolidatedFileProjection.this.generation.getAsInt();
            this.citizens = new PendingRows(jdbc, "citizen_file_row", "citizen_id", generation);
            this.cases = new PendingRows(jdbc, "case_row", "case_id", generation);
            citizens.load(aggregates(events, CITIZEN_EVENTS));
            cases.load(aggregates(events, CASE_EVENTS));
        }

        @Override
        protected List<PendingRows> rows() {
            return List.of(citizens, cases);
        }
    }

    private Batch batch() {
        return WriteBatch.current(batchKey, Batch::new);
    }

    // ---- citizens -------------------------------------------------------------------------------

    @EventHandler
    public void on(CitizenFileOpened event, @SequenceNumber long sequence) {
        String id = event.citizenId().toString();
        Opened<MasterData> master = sealer.open(event.masterData(), id, CitizenFields.MASTER_DATA);
        Opened<Address> address = sealer.open(event.address(), id, CitizenFields.ADDRESS);
        if (master.isRedacted() || address.isRedacted()) {
            return; // erased: a replay skips what can no longer be read
        }
        MasterData m = master.orElse(null);
        Address a = address.orElse(null);
        Batch b = batch();
        b.citizens.insert(id, sequence).set("family_name", m.familyName()).set("given_names", m.givenNames())
                .set("birth_name", m.birthName()).set("date_of_birth", Date.valueOf(m.dateOfBirth()))
                .set("place_of_birth", m.placeOfBirth()).set("id_nr", m.idNr() == null ? null : m.idNr().value())
                .set("street", a.street()).set("house_number", a.houseNumber()).set("postcode", a.postcode().value())
                .set("city", a.city()).set("opened_at", utc(event.openedAt()));
        insertAddress(b, event.citizenId(), sequence, a, null);
        b.done();
    }

    @EventHandler
    public void on(MasterDataCorrected event, @SequenceNumber long sequence) {
        Opened<MasterData> master = sealer.open(event.masterData(), event.citizenId().toString(), CitizenFields.MASTER_DATA);
        if (master.isRedacted()) {
            return;
        }
        MasterData m = master.orElse(null);
        Batch b = batch();
        PendingRows.Row row = b.citizens.advance(event.citizenId().toString(), sequence);
        if (row != null) {
            row.set("family_name", m.familyName()).set("given_names", m.givenNames()).set("birth_name", m.birthName())
                    .set("date_of_birth", Date.valueOf(m.dateOfBirth())).set("place_of_birth", m.placeOfBirth())
                    .set("id_nr", m.idNr() == null ? null : m.idNr().value());
        }
        b.done();
    }

    @EventHandler
    public void on(CitizenMoved event, @SequenceNumber long sequence) {
        Opened<Address> address = sealer.open(event.address(), event.citizenId().toString(), CitizenFields.ADDRESS);
        if (address.isRedacted()) {
            return;
        }
        Address a = address.orElse(null);
        Batch b = batch();
        PendingRows.Row row = b.citizens.advance(event.citizenId().toString(), sequence);
        if (row != null) {
            row.set("street", a.street()).set("house_number", a.houseNumber()).set("postcode", a.postcode().value())
                    .set("city", a.city()).set("moved_on", Date.valueOf(event.movedOn()));
            insertAddress(b, event.citizenId(), sequence, a, event.movedOn());
        }
        b.done();
    }

    @EventHandler
    public void on(InformationBlockSet event, @SequenceNumber long sequence) {
        setCitizen(event.citizenId(), sequence, "information_block", event.kind().name());
    }

    @EventHandler
    public void on(InformationBlockLifted event, @SequenceNumber long sequence) {
        setCitizen(event.citizenId(), sequence, "information_block", InformationBlock.NONE.name());
    }

    @EventHandler
    public void on(ProcessingRestricted event, @SequenceNumber long sequence) {
        Batch b = batch();
        PendingRows.Row row = b.citizens.advance(event.citizenId().toString(), sequence);
        if (row != null) {
            row.set("restricted", Boolean.TRUE).set("earliest_erasure_on",
                    event.earliestErasureOn() == null ? null : Date.valueOf(event.earliestErasureOn()));
        }
        b.done();
    }

    private void setCitizen(CitizenId citizenId, long sequence, String column, Object value) {
        Batch b = batch();
        PendingRows.Row row = b.citizens.advance(citizenId.toString(), sequence);
        if (row != null) {
            row.set(column, value);
        }
        b.done();
    }

    /**
     * GDPR Art. 17: the model forgets the citizen and their cases, in <b>every</b> generation (a
     * rebuild beside this one must not keep what it read before the keys were destroyed); only the
     * fact of erasure stays, in this generation (a rebuild records it when it reaches the event).
     */
    @EventHandler
    public void on(CitizenErased event) {
        Batch b = batch();
        b.flush(); // what the unit of work wrote before goes first, and is then forgotten: these statements change it
        String id = event.citizenId().toString();
        jdbc.update("DELETE FROM case_entry_row WHERE case_id IN (SELECT case_id FROM case_row WHERE citizen_id = ?)", id);
        jdbc.update("DELETE FROM case_row WHERE citizen_id = ?", id);
        jdbc.update("DELETE FROM citizen_address_row WHERE citizen_id = ?", id);
        jdbc.update("DELETE FROM citizen_file_row WHERE citizen_id = ?", id);
        int g = b.generation;
        if (jdbc.update("UPDATE erased_citizen_row SET erased_at = ? WHERE generation = ? AND citizen_id = ?",
                utc(event.erasedAt()), g, id) == 0) {
            jdbc.update("INSERT INTO erased_citizen_row (generation, citizen_id, erased_at) VALUES (?, ?, ?)", g, id,
                    utc(event.erasedAt()));
        }
    }

    private void insertAddress(Batch b, CitizenId citizenId, long sequence, Address a, LocalDate movedOn) {
        b.append("""
                INSERT INTO citizen_address_row (generation, citizen_id, event_sequence, street, house_number, postcode,
                  city, moved_on) VALUES (?, ?, ?, ?, ?, ?, ?, ?)""",
                b.generation, citizenId.toString(), sequence, a.street(), a.houseNumber(), a.postcode().value(), a.city(),
                movedOn == null ? null : Date.valueOf(movedOn));
    }

    // ---- cases ----------------------------------------------------------------------------------

    @EventHandler
    public void on(CaseOpened event, @SequenceNumber long sequence) {
        Batch b = batch();
        b.cases.insert(event.caseId().toString(), sequence).set("citizen_id", event.citizenId().toString())
                .set("file_reference", event.fileReference().toString()).set("office", event.office().value())
                .set("case_type", event.caseType().value())
                .set("subject", sealer.open(event.subject(), event.caseId().toString(), CaseFields.SUBJECT).orElse(null))
                .set("confidentiality", event.confidentiality().name()).set("status", CaseStatus.OPEN.name())
                .set("deadline", Date.valueOf(event.deadline())).set("opened_at", utc(event.openedAt()))
                .set("retention_years", event.retentionYears()).set("disposal", event.disposal().name())
                .set("entry_count", 0);
        b.done();
    }

    @EventHandler
    public void on(EntryAdded event, @SequenceNumber long sequence) {
        Batch b = batch();
        PendingRows.Row row = b.cases.advance(event.caseId().toString(), sequence);
        if (row == null) {
            b.done();
            return;
        }
        row.increment("entry_count");
        String aggregate = event.caseId().toString();
        StoredDocument d = event.document();
        String title = d == null ? null : sealer.open(d.title(), aggregate, CaseFields.DOCUMENT_TITLE).orElse(null);
        b.append("""
                INSERT INTO case_entry_row (generation, entry_id, case_id, event_sequence, kind, visibility, body, doc_title,
                  doc_media_type, doc_size_bytes, doc_sha256, doc_received_at, added_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                b.generation, event.entryId().toString(), event.caseId().toString(), sequence, event.kind().name(),
                event.visibility().name(), sealer.open(event.text(), aggregate, CaseFields.ENTRY_TEXT).orElse(null), title,
                d == null ? null : d.mediaType(), d == null ? null : d.sizeBytes(), d == null ? null : d.sha256(),
                d == null ? null : utc(d.receivedAt()), utc(event.addedAt()));
        b.done();
    }

    @EventHandler
    public void on(CaseStatusChanged event, @SequenceNumber long sequence) {
        setCase(event.caseId(), sequence, "status", event.to().name());
    }

    @EventHandler
    public void on(CaseClosed event, @SequenceNumber long sequence) {
        Batch b = batch();
        PendingRows.Row row = b.cases.advance(event.caseId().toString(), sequence);
        if (row != null) {
            row.set("status", CaseStatus.CLOSED.name()).set("closed_at", utc(event.closedAt()))
                    .set("retention_ends_on", Date.valueOf(event.retentionEndsOn()));
        }
        b.done();
    }

    @EventHandler
    public void on(DeadlineChanged event, @SequenceNumber long sequence) {
        setCase(event.caseId(), sequence, "deadline", Date.valueOf(event.deadline()));
    }

    @EventHandler
    public void on(LegalHoldPlaced event, @SequenceNumber long sequence) {
        setCase(event.caseId(), sequence, "legal_hold", Boolean.TRUE);
    }

    @EventHandler
    public void on(LegalHoldLifted event, @SequenceNumber long sequence) {
        setCase(event.caseId(), sequence, "legal_hold", Boolean.FALSE);
    }

    private void setCase(CaseId caseId, long sequence, String column, Object value) {
        Batch b = batch();
        PendingRows.Row row = b.cases.advance(caseId.toString(), sequence);
        if (row != null) {
            row.set(column, value);
        }
        b.done();
    }

    // ---- disposal (events of a disposal list; they leave the case's own version alone) -----------
    // rare: what the unit of work holds is written first, then these statements run as they are

    /** Disposal kind V: the case key is gone, so is every readable trace of the case here. */
    @EventHandler
    public void on(CaseDestroyed event) {
        Batch b = batch();
        b.flush();
        String id = event.caseId().toString();
        // the texts go from every generation, as on erasure; the disposal state is this generation's
        jdbc.update("DELETE FROM case_entry_row WHERE case_id = ?", id);
        jdbc.update("UPDATE case_row SET subject = NULL, entry_count = 0 WHERE case_id = ?", id);
        jdbc.update("UPDATE case_row SET disposal_state = ?, disposed_at = ? WHERE case_id = ? AND generation = ?",
                "DESTROYED", utc(event.destroyedAt()), id, b.generation);
    }

    @EventHandler
    public void on(CaseListedForAppraisal event) {
        Batch b = batch();
        b.flush();
        jdbc.update("UPDATE case_row SET disposal_state = ?, disposed_at = ? WHERE case_id = ? AND generation = ?",
                "APPRAISAL", utc(event.listedAt()), event.caseId().toString(), b.generation);
    }

    @EventHandler
    public void on(CaseMarkedForArchive event) {
        Batch b = batch();
        b.flush();
        jdbc.update("UPDATE case_row SET disposal_state = ?, disposed_at = ? WHERE case_id = ? AND generation = ?",
                "ARCHIVE", utc(event.markedAt()), event.caseId().toString(), b.generation);
    }

    /** A replay in place starts its generation empty. */
    @ResetHandler
    public void reset() {
        clear(generation.getAsInt());
    }

    /** Empties one generation. */
    public void clear(int g) {
        jdbc.update("DELETE FROM case_entry_row WHERE generation = ?", g);
        jdbc.update("DELETE FROM case_row WHERE generation = ?", g);
        jdbc.update("DELETE FROM citizen_address_row WHERE generation = ?", g);
        jdbc.update("DELETE FROM citizen_file_row WHERE generation = ?", g);
        jdbc.update("DELETE FROM erased_citizen_row WHERE generation = ?", g);
    }

    // ---- queries --------------------------------------------------------------------------------

    @QueryHandler
    public Optional<GetConsolidatedFile.Result> handle(GetConsolidatedFile query) {
        String id = query.citizenId().toString();
        List<AddressRecord> history = jdbc.query("""
                SELECT street, house_number, postcode, city, moved_on FROM citizen_address_history
                WHERE citizen_id = ? ORDER BY event_sequence""",
                (rs, i) -> new AddressRecord(address(rs), localDate(rs, "moved_on")), id);
        List<GetConsolidatedFile.Citizen> citizens = jdbc.query(
                "SELECT * FROM citizen_file_view WHERE citizen_id = ?",
                (rs, i) -> new GetConsolidatedFile.Citizen(CitizenId.of(rs.getString("citizen_id")),
                        new MasterData(rs.getString("family_name"), rs.getString("given_names"),
                                rs.getString("birth_name"), localDate(rs, "date_of_birth"),
                                rs.getString("place_of_birth"),
                                rs.getString("id_nr") == null ? null : new IdNr(rs.getString("id_nr"))),
                        address(rs), localDate(rs, "moved_on"), history, instant(rs, "opened_at"),
                        rs.getLong("version")), id);
        if (citizens.isEmpty()) {
            return Optional.empty();
        }
        LocalDate today = today();
        List<CaseSummary> cases = jdbc.query(
                "SELECT * FROM case_view WHERE citizen_id = ? ORDER BY opened_at, file_reference",
                (rs, i) -> summary(rs, today), id);
        return Optional.of(new GetConsolidatedFile.Result(citizens.get(0), cases));
    }

    @QueryHandler
    public Optional<GetCase.Result> handle(GetCase query) {
        String id = query.caseId().toString();
        LocalDate today = today();
        List<GetCase.Result> found = jdbc.query("SELECT * FROM case_view WHERE case_id = ?",
                (rs, i) -> new GetCase.Result(summary(rs, today), CitizenId.of(rs.getString("citizen_id")),
                        DisposalKind.valueOf(rs.getString("disposal")), List.of()), id);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        List<GetCase.Entry> entries = jdbc.query(
                "SELECT * FROM case_entry_view WHERE case_id = ? ORDER BY event_sequence",
                (rs, i) -> new GetCase.Entry(EntryId.of(rs.getString("entry_id")),
                        EntryKind.valueOf(rs.getString("kind")), Visibility.valueOf(rs.getString("visibility")),
                        rs.getString("body"), document(rs), instant(rs, "added_at")), id);
        GetCase.Result r = found.get(0);
        return Optional.of(new GetCase.Result(r.summary(), r.citizenId(), r.disposal(), entries));
    }

    /**
     * What the access policy needs about a citizen: the information block and, for each case,
     * office, status, closing time, confidentiality. Empty if the citizen is unknown.
     */
    public Optional<AccessFacts> accessFacts(CitizenId citizenId) {
        // one statement per citizen: the access policy asks this for every hit of a search page
        List<InformationBlock> block = new ArrayList<>(1);
        boolean[] restricted = new boolean[1];
        List<CaseFact> cases = new ArrayList<>();
        jdbc.query("""
                SELECT f.information_block, f.restricted, c.case_id, c.file_reference, c.office, c.status, c.closed_at,
                  c.confidentiality
                FROM citizen_file_view f LEFT JOIN case_view c ON c.citizen_id = f.citizen_id
                WHERE f.citizen_id = ? ORDER BY c.opened_at, c.file_reference""", rs -> {
            if (block.isEmpty()) {
                block.add(InformationBlock.valueOf(rs.getString("information_block")));
                restricted[0] = rs.getBoolean("restricted");
            }
            if (rs.getString("case_id") != null) {
                cases.add(caseFact(rs));
            }
        }, citizenId.toString());
        if (block.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new AccessFacts(citizenId, block.get(0), List.copyOf(cases), restricted[0]));
    }

    /**
     * The policy's facts of the case in the current row of a query over {@code case_view} with the
     * columns case_id, file_reference, office, status, closed_at and confidentiality.
     */
    public static CaseFact caseFact(ResultSet rs) throws SQLException {
        return new CaseFact(CaseId.of(rs.getString("case_id")), FileReference.parse(rs.getString("file_reference")),
                new OfficeCode(rs.getString("office")), CaseStatus.valueOf(rs.getString("status")),
                instant(rs, "closed_at"), Confidentiality.valueOf(rs.getString("confidentiality")));
    }

    /** When the citizen was erased, if they were: their file answers 410 Gone from then on. */
    public Optional<Instant> erasedAt(CitizenId citizenId) {
        return jdbc.query("SELECT erased_at FROM erased_citizen WHERE citizen_id = ?",
                (rs, i) -> instant(rs, "erased_at"), citizenId.toString()).stream().findFirst();
    }

    /**
     * What binds the citizen's data to retention: open cases, legal holds, and the last day of the
     * longest retention period among closed cases that were not yet disposed of.
     */
    public RetentionFacts.Retention retention(CitizenId citizenId) {
        return jdbc.queryForObject("""
                SELECT SUM(CASE WHEN status <> 'CLOSED' THEN 1 ELSE 0 END) AS open_cases,
                       SUM(CASE WHEN legal_hold THEN 1 ELSE 0 END) AS holds,
                       MAX(CASE WHEN disposal_state IS NULL THEN retention_ends_on END) AS latest_end
                FROM case_view WHERE citizen_id = ?""",
                (rs, i) -> new RetentionFacts.Retention(rs.getInt("open_cases"), rs.getInt("holds"),
                        localDate(rs, "latest_end")), citizenId.toString());
    }

    /** The citizen a case belongs to, if the case is known. */
    public Optional<CitizenId> citizenOfCase(CaseId caseId) {
        return jdbc.queryForList("SELECT citizen_id FROM case_view WHERE case_id = ?", String.class, caseId.toString())
                .stream().findFirst().map(CitizenId::of);
    }

    /** The case with this file reference, if the case is known. */
    public Optional<CaseId> caseByFileReference(FileReference reference) {
        return jdbc.queryForList("SELECT case_id FROM case_view WHERE file_reference = ?", String.class,
                reference.toString()).stream().findFirst().map(CaseId::of);
    }

    /** Facts about one citizen for the access policy. */
    public record AccessFacts(CitizenId citizenId, InformationBlock block, List<CaseFact> cases, boolean restricted) {
    }

    /**
     * The highest version of the aggregate this model has applied, if it has seen it at all.
     * Read-your-writes across instances rests on this, not on in-JVM subscription queries.
     */
    public Optional<Long> reachedVersion(String aggregateId) {
        List<Long> versions = jdbc.queryForList("""
                SELECT version FROM citizen_file_view WHERE citizen_id = ?
                UNION ALL SELECT version FROM case_view WHERE case_id = ?""", Long.class, aggregateId, aggregateId);
        return versions.stream().max(Long::compare);
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), Zones.ADMINISTRATION);
    }

    private static CaseSummary summary(ResultSet rs, LocalDate today) throws SQLException {
        CaseStatus status = CaseStatus.valueOf(rs.getString("status"));
        LocalDate deadline = localDate(rs, "deadline");
        boolean overdue = status.isPending() && deadline.isBefore(today);
        return new CaseSummary(CaseId.of(rs.getString("case_id")), FileReference.parse(rs.getString("file_reference")),
                new OfficeCode(rs.getString("office")), new CaseTypeCode(rs.getString("case_type")),
                rs.getString("subject"), Confidentiality.valueOf(rs.getString("confidentiality")), status, deadline,
                overdue, rs.getInt("entry_count"), instant(rs, "opened_at"), instant(rs, "closed_at"),
                localDate(rs, "retention_ends_on"), rs.getLong("version"));
    }

    private static DocumentMetadata document(ResultSet rs) throws SQLException {
        if (rs.getString("doc_title") == null) { // no document, or its title was destroyed with the case key
            return null;
        }
        return new DocumentMetadata(rs.getString("doc_title"), rs.getString("doc_media_type"),
                rs.getLong("doc_size_bytes"), rs.getString("doc_sha256"), instant(rs, "doc_received_at"));
    }

    private static Address address(ResultSet rs) throws SQLException {
        return new Address(rs.getString("street"), rs.getString("house_number"), new Postcode(rs.getString("postcode")),
                rs.getString("city"));
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static LocalDate localDate(ResultSet rs, String column) throws SQLException {
        Date value = rs.getDate(column);
        return value == null ? null : value.toLocalDate();
    }
}
