package de.eakte.api.retention;

import de.eakte.core.cases.FileReference;
import de.eakte.core.catalogue.DisposalKind;
import de.eakte.core.retention.DisposalCandidate;
import de.eakte.core.retention.DisposalListId;
import de.eakte.core.retention.RetentionRegister;
import de.eakte.core.shared.CaseId;
import de.eakte.core.shared.CitizenId;
import de.eakte.core.shared.OfficeCode;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Date;
import java.time.LocalDate;
import java.util.List;

/**
 * The register on the database: due cases from the consolidated file's {@code case_view}, claims
 * in {@code retention_claim} (inside the command's transaction, like file references).
 */
public class JdbcRetentionRegister implements RetentionRegister {

    private final JdbcTemplate jdbc;

    public JdbcRetentionRegister(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<DisposalCandidate> due(LocalDate today, int limit) {
        return jdbc.query("""
                SELECT v.case_id, v.citizen_id, v.file_reference, v.office, v.disposal, v.retention_ends_on
                FROM case_view v
                WHERE v.status = 'CLOSED' AND v.retention_ends_on < ? AND v.legal_hold = FALSE
                  AND v.disposal_state IS NULL
                  AND NOT EXISTS (SELECT 1 FROM retention_claim c WHERE c.case_id = v.case_id)
                ORDER BY v.retention_ends_on, v.file_reference
                LIMIT ?""",
                (rs, i) -> new DisposalCandidate(CaseId.of(rs.getString("case_id")),
                        CitizenId.of(rs.getString("citizen_id")), FileReference.parse(rs.getString("file_reference")),
                        new OfficeCode(rs.getString("office")), DisposalKind.valueOf(rs.getString("disposal")),
                        rs.getDate("retention_ends_on").toLocalDate()),
                Date.valueOf(today), limit);
    }

    @Override
    public void claim(DisposalListId list, List<CaseId> cases) {
        // a duplicate key here fails the command: another list took the case first
        jdbc.batchUpdate("INSERT INTO retention_claim (case_id, list_id) VALUES (?, ?)",
                cases.stream().map(c -> new Object[]{c.toString(), list.toString()}).toList());
    }

    @Override
    public void release(DisposalListId list, CaseId caseId) {
        jdbc.update("DELETE FROM retention_claim WHERE case_id = ? AND list_id = ?", caseId.toString(), list.toString());
    }

    @Override
    public boolean underLegalHold(CaseId caseId) {
        return jdbc.queryForList("SELECT legal_hold FROM case_view WHERE case_id = ?", Boolean.class, caseId.toString())
                .stream().anyMatch(Boolean.TRUE::equals);
    }
}
