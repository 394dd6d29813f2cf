package de.eakte.api.catalogue;

import de.eakte.core.catalogue.CaseType;
import de.eakte.core.catalogue.CaseTypeCode;
import de.eakte.core.catalogue.CaseTypeDirectory;
import de.eakte.core.catalogue.Catalogue;
import de.eakte.core.catalogue.Confidentiality;
import de.eakte.core.catalogue.DisposalKind;
import de.eakte.core.catalogue.changes.CaseTypeChangeId;
import de.eakte.core.shared.OfficeCode;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The case types in force: the seeded ones of the {@link Catalogue}, overlaid by the approved
 * changes in {@code case_type_in_force} (a replacement or an addition). {@link #caseType} runs on
 * every case opened, so it is one primary-key look-up; nothing is cached, so every instance sees
 * an approval as soon as the projection stored it.
 */
public class JdbcCaseTypeDirectory implements CaseTypeDirectory {

    private static final String COLUMNS = "code, office, name, file_plan_key, target_days, confidentiality, "
            + "retention_years, disposal, retention_basis, change_id, in_force_since";

    private final JdbcTemplate jdbc;
    private final Map<CaseTypeCode, CaseType> defaults = new LinkedHashMap<>();

    public JdbcCaseTypeDirectory(JdbcTemplate jdbc, Catalogue catalogue) {
        this.jdbc = jdbc;
        catalogue.caseTypes().forEach(t -> defaults.put(t.code(), t));
    }

    /** A case type in force and where it comes from: the seed ({@code changeId} null) or an approved change. */
    public record InForce(CaseType caseType, CaseTypeChangeId changeId, Instant since) {
    }

    @Override
    public Optional<CaseType> caseType(CaseTypeCode code) {
        List<InForce> rows = jdbc.query("SELECT " + COLUMNS + " FROM case_type_in_force WHERE code = ?",
                JdbcCaseTypeDirectory::row, code.value());
        return rows.isEmpty() ? Optional.ofNullable(defaults.get(code)) : Optional.of(rows.get(0).caseType());
    }

    @Override
    public Collection<CaseType> caseTypes() {
        return inForce().stream().map(InForce::caseType).toList();
    }

    /** Every case type in force: the defaults in their seeded order, then added ones by code. */
    public List<InForce> inForce() {
        Map<CaseTypeCode, InForce> types = new LinkedHashMap<>();
        defaults.forEach((code, t) -> types.put(code, new InForce(t, null, null)));
        jdbc.query("SELECT " + COLUMNS + " FROM case_type_in_force", JdbcCaseTypeDirectory::row).stream()
                .sorted(Comparator.comparing(r -> r.caseType().code().value()))
                .forEach(r -> types.put(r.caseType().code(), r));
        return List.copyOf(types.values());
    }

    private static InForce row(ResultSet rs, int i) throws SQLException {
        CaseType type = new CaseType(CaseTypeCode.of(rs.getString("code")), OfficeCode.of(rs.getString("office")),
                rs.getString("name"), rs.getString("file_plan_key"), rs.getInt("target_days"),
                Confidentiality.valueOf(rs.getString("confidentiality")), rs.getInt("retention_years"),
                DisposalKind.valueOf(rs.getString("disposal")), rs.getString("retention_basis"));
        return new InForce(type, CaseTypeChangeId.of(rs.getString("change_id")),
                ChangeViewTable.instant(rs, "in_force_since"));
    }
}
