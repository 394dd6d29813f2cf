package de.eakte.api.catalogue;

import de.eakte.api.config.AxonConfiguration;
import de.eakte.core.catalogue.changes.DpoOpinionAttached;
import de.eakte.core.catalogue.changes.PurposeChangeApproved;
import de.eakte.core.catalogue.changes.PurposeChangeId;
import de.eakte.core.catalogue.changes.PurposeChangeKind;
import de.eakte.core.catalogue.changes.PurposeChangeProposed;
import de.eakte.core.catalogue.changes.PurposeChangeRejected;
import de.eakte.core.catalogue.changes.PurposeChangeStatus;
import de.eakte.projections.search.Generations;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.IntSupplier;

import static de.eakte.api.catalogue.ChangeViewTable.instant;
import static de.eakte.api.catalogue.ChangeViewTable.utc;

/**
 * The purposes catalogue read model: every proposed change with its decision and the DPO's latest
 * opinion ({@code purpose_change_view}), and the approved changes in force ({@code
 * purpose_in_force}), which {@link JdbcPurposeDirectory} lays over the seeded defaults. Who acted
 * comes from the events' metadata.
 */
@ProcessingGroup(PurposeCatalogueProjection.PROCESSING_GROUP)
public class PurposeCatalogueProjection {

    public static final String PROCESSING_GROUP = "purpose-catalogue";

    private static final Logger log = LoggerFactory.getLogger(PurposeCatalogueProjection.class);

    private final JdbcTemplate jdbc;
    private final ChangeViewTable view;
    private final IntSupplier generation;

    /** The live model: writes into the generation that serves readers. */
    public PurposeCatalogueProjection(JdbcTemplate jdbc) {
        this(jdbc, new Generations(jdbc, PROCESSING_GROUP)::active);
    }

    /**
     * Writes into the generation the supplier names (docs/decisions/0007-blue-green-rebuild.md): the
     * active one for the live processor, a fixed new one for a rebuild. Reads go through the views of
     * the active generation ({@code purpose_change_view}, {@code purpose_in_force}).
     */
    public PurposeCatalogueProjection(JdbcTemplate jdbc, IntSupplier generation) {
        this.jdbc = jdbc;
        this.generation = generation;
        this.view = new ChangeViewTable(jdbc, "purpose_change_view", "purpose_change_row", generation);
    }

    /** The same handlers writing into one generation, for a rebuild beside the serving one. */
    public PurposeCatalogueProjection inGeneration(int fixed) {
        return new PurposeCatalogueProjection(jdbc, () -> fixed);
    }

    /** One change as listed for admins and the DPO. */
    public record ChangeRow(long position, PurposeChangeId changeId, PurposeChangeKind kind,
                            PurposeChangeStatus status, String office, String code, String name, String legalBasis,
                            List<String> categories, List<String> caseOffices, boolean allOffices, String reason,
                            String proposedBy, Instant proposedAt, String decidedBy, Instant decidedAt,
                            String rejectionReason, String dpoOpinion, String dpoOpinionBy, Instant dpoOpinionAt) {
    }

    @EventHandler
    public void on(PurposeChangeProposed event, @MetaDataValue(AxonConfiguration.ACTOR_SUBJECT) String proposer) {
        jdbc.update("""
                INSERT INTO purpose_change_row (generation, change_id, kind, office, code, name, legal_basis,
                  categories, case_offices, all_offices, reason, status, proposed_by, proposed_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                generation.getAsInt(), event.changeId().toString(), event.kind().name(), event.office().value(), event.code().value(),
                event.name(), event.legalBasis(), Lists.join(event.categories()), Lists.join(event.caseOffices()),
                event.allOffices(), event.reason(), PurposeChangeStatus.PENDING.name(), proposer,
                utc(event.proposedAt()));
    }

    @EventHandler
    public void on(PurposeChangeApproved event, @MetaDataValue(AxonConfiguration.ACTOR_SUBJECT) String approver) {
        String id = event.changeId().toString();
        int g = generation.getAsInt();
        view.approved(id, approver, event.approvedAt());
        List<Object[]> proposal = jdbc.query("""
                SELECT kind, office, code, name, legal_basis, categories, case_offices, all_offices
                FROM purpose_change_row WHERE generation = ? AND change_id = ?""",
                (rs, i) -> new Object[] {rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7), rs.getBoolean(8)}, g, id);
        if (proposal.isEmpty()) {
            // cannot happen while the proposal is handled first in this processing group; never guess a purpose
            log.error("approved change {} has no proposal in purpose_change_view; nothing put in force", id);
            return;
        }
        Object[] p = proposal.get(0);
        boolean withdrawn = PurposeChangeKind.WITHDRAW.name().equals(p[0]);
        // delete and insert: portable, and in the handler's one transaction
        jdbc.update("DELETE FROM purpose_in_force_row WHERE generation = ? AND office = ? AND code = ?", g, p[1], p[2]);
        jdbc.update("""
                INSERT INTO purpose_in_force_row (generation, office, code, withdrawn, name, legal_basis, categories,
                  case_offices, all_offices, change_id, in_force_since)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                g, p[1], p[2], withdrawn, withdrawn ? null : p[3], withdrawn ? null : p[4], withdrawn ? "" : p[5],
                withdrawn ? "" : p[6], !withdrawn && (Boolean) p[7], id, utc(event.approvedAt()));
    }

    @EventHandler
    public void on(PurposeChangeRejected event, @MetaDataValue(AxonConfiguration.ACTOR_SUBJECT) String rejecter) {
        view.rejected(event.changeId().toString(), rejecter, event.rejectedAt(), event.reason());
    }

    @EventHandler
    public void on(DpoOpinionAttached event, @MetaDataValue(AxonConfiguration.ACTOR_SUBJECT) String dpo) {
        view.opinionAttached(event.changeId().toString(), dpo, event.attachedAt(), event.opinion());
    }

    @ResetHandler
    public void reset() {
        clear(generation.getAsInt());
    }

    /** Empties one generation (before a rebuild fills it, or once it no longer serves). */
    public void clear(int g) {
        jdbc.update("DELETE FROM purpose_in_force_row WHERE generation = ?", g);
        view.clear(g);
    }

    // ---- reads ----------------------------------------------------------------------------------

    /**
     * Changes newest first, optionally of one status, after a cursor (a list position from an
     * earlier page); at most {@code limit}.
     */
    public List<ChangeRow> changes(PurposeChangeStatus status, Long before, int limit) {
        return view.changes(status, before, limit, PurposeCatalogueProjection::row);
    }

    public Optional<ChangeRow> change(PurposeChangeId changeId) {
        return view.change(changeId.toString(), PurposeCatalogueProjection::row);
    }

    private static ChangeRow row(ResultSet rs, int i) throws SQLException {
        return new ChangeRow(rs.getLong("list_position"), PurposeChangeId.of(rs.getString("change_id")),
                PurposeChangeKind.valueOf(rs.getString("kind")), PurposeChangeStatus.valueOf(rs.getString("status")),
                rs.getString("office"), rs.getString("code"), rs.getString("name"), rs.getString("legal_basis"),
                Lists.split(rs.getString("categories")), Lists.split(rs.getString("case_offices")),
                rs.getBoolean("all_offices"), rs.getString("reason"), rs.getString("proposed_by"),
                instant(rs, "proposed_at"), rs.getString("decided_by"), instant(rs, "decided_at"),
                rs.getString("rejection_reason"), rs.getString("dpo_opinion"), rs.getString("dpo_opinion_by"),
                instant(rs, "dpo_opinion_at"));
    }
}
