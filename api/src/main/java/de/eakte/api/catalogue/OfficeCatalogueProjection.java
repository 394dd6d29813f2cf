package de.eakte.api.catalogue;

import de.eakte.api.config.AxonConfiguration;
import de.eakte.core.catalogue.changes.OfficeChangeApproved;
import de.eakte.core.catalogue.changes.OfficeChangeId;
import de.eakte.core.catalogue.changes.OfficeChangeKind;
import de.eakte.core.catalogue.changes.OfficeChangeOpinionAttached;
import de.eakte.core.catalogue.changes.OfficeChangeProposed;
import de.eakte.core.catalogue.changes.OfficeChangeRejected;
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
 * The offices read model: every proposed change with its decision and the DPO's latest opinion
 * ({@code office_change_view}), and the approved offices in force ({@code office_in_force}), which
 * {@link JdbcOfficeDirectory} lays over the seeded defaults. Who acted comes from the events'
 * metadata.
 */
@ProcessingGroup(OfficeCatalogueProjection.PROCESSING_GROUP)
public class OfficeCatalogueProjection {

    public static final String PROCESSING_GROUP = "office-catalogue";

    private static final Logger log = LoggerFactory.getLogger(OfficeCatalogueProjection.class);

    private final JdbcTemplate jdbc;
    private final ChangeViewTable view;
    private final IntSupplier generation;

    /** The live model: writes into the generation that serves readers. */
    public OfficeCatalogueProjection(JdbcTemplate jdbc) {
        this(jdbc, new Generations(jdbc, PROCESSING_GROUP)::active);
    }

    /**
     * Writes into the generation the supplier names (docs/decisions/0007-blue-green-rebuild.md): the
     * active one for the live processor, a fixed new one for a rebuild. Reads go through the views of
     * the active generation ({@code office_change_view}, {@code office_in_force}).
     */
    public OfficeCatalogueProjection(JdbcTemplate jdbc, IntSupplier generation) {
        this.jdbc = jdbc;
        this.generation = generation;
        this.view = new ChangeViewTable(jdbc, "office_change_view", "office_change_row", generation);
    }

    /** The same handlers writing into one generation, for a rebuild beside the serving one. */
    public OfficeCatalogueProjection inGeneration(int fixed) {
        return new OfficeCatalogueProjection(jdbc, () -> fixed);
    }

    /** One change as listed for admins and the DPO. */
    public record ChangeRow(long position, OfficeChangeId changeId, OfficeChangeKind kind, PurposeChangeStatus status,
                            String code, String name, String reason, String proposedBy, Instant proposedAt,
                            String decidedBy, Instant decidedAt, String rejectionReason, String dpoOpinion,
                            String dpoOpinionBy, Instant dpoOpinionAt) {
    }

    @EventHandler
    public void on(OfficeChangeProposed event, @MetaDataValue(AxonConfiguration.ACTOR_SUBJECT) String proposer) {
        jdbc.update("""
                INSERT INTO office_change_row (generation, change_id, kind, code, name, reason, status, proposed_by,
                  proposed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                generation.getAsInt(), event.changeId().toString(), event.kind().name(), event.code().value(), event.name(), event.reason(),
                PurposeChangeStatus.PENDING.name(), proposer, utc(event.proposedAt()));
    }

    @EventHandler
    public void on(OfficeChangeApproved event, @MetaDataValue(AxonConfiguration.ACTOR_SUBJECT) String approver) {
        String id = event.changeId().toString();
        int g = generation.getAsInt();
        view.approved(id, approver, event.approvedAt());
        String code = jdbc.query("SELECT code FROM office_change_row WHERE generation = ? AND change_id = ?",
                (rs, i) -> rs.getString(1), g, id).stream().findFirst().orElse(null);
        if (code == null) {
            // cannot happen while the proposal is handled first in this processing group; never guess an office
            log.error("approved change {} has no proposal in office_change_view; nothing put in force", id);
            return;
        }
        // delete and insert: portable, and in the handler's one transaction
        jdbc.update("DELETE FROM office_in_force_row WHERE generation = ? AND code = ?", g, code);
        jdbc.update("INSERT INTO office_in_force_row (generation, code, name, change_id, in_force_since) "
                + "SELECT generation, code, name, change_id, ? FROM office_change_row WHERE generation = ? AND change_id = ?",
                utc(event.approvedAt()), g, id);
    }

    @EventHandler
    public void on(OfficeChangeRejected event, @MetaDataValue(AxonConfiguration.ACTOR_SUBJECT) String rejecter) {
        view.rejected(event.changeId().toString(), rejecter, event.rejectedAt(), event.reason());
    }

    @EventHandler
    public void on(OfficeChangeOpinionAttached event, @MetaDataValue(AxonConfiguration.ACTOR_SUBJECT) String dpo) {
        view.opinionAttached(event.changeId().toString(), dpo, event.attachedAt(), event.opinion());
    }

    @ResetHandler
    public void reset() {
        clear(generation.getAsInt());
    }

    /** Empties one generation (before a rebuild fills it, or once it no longer serves). */
    public void clear(int g) {
        jdbc.update("DELETE FROM office_in_force_row WHERE generation = ?", g);
        view.clear(g);
    }

    // ---- reads ----------------------------------------------------------------------------------

    /** Changes newest first, optionally of one status, after a cursor; at most {@code limit}. */
    public List<ChangeRow> changes(PurposeChangeStatus status, Long before, int limit) {
        return view.changes(status, before, limit, OfficeCatalogueProjection::row);
    }

    public Optional<ChangeRow> change(OfficeChangeId changeId) {
        return view.change(changeId.toString(), OfficeCatalogueProjection::row);
    }

    private static ChangeRow row(ResultSet rs, int i) throws SQLException {
        return new ChangeRow(rs.getLong("list_position"), OfficeChangeId.of(rs.getString("change_id")),
                OfficeChangeKind.valueOf(rs.getString("kind")), PurposeChangeStatus.valueOf(rs.getString("status")),
                rs.getString("code"), rs.getString("name"), rs.getString("reason"), rs.getString("proposed_by"),
                instant(rs, "proposed_at"), rs.getString("decided_by"), instant(rs, "decided_at"),
                rs.getString("rejection_reason"), rs.getString("dpo_opinion"), rs.getString("dpo_opinion_by"),
                instant(rs, "dpo_opinion_at"));
    }
}
