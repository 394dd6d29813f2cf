package de.eakte.api.catalogue;

import de.eakte.core.access.DataCategory;
import de.eakte.core.access.policy.DefaultPurposes;
import de.eakte.core.access.policy.Purpose;
import de.eakte.core.access.policy.PurposeCode;
import de.eakte.core.access.policy.PurposeDirectory;
import de.eakte.core.catalogue.Catalogue;
import de.eakte.core.catalogue.changes.PurposeChangeId;
import de.eakte.core.shared.OfficeCode;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The purposes in force: the seeded {@link DefaultPurposes} of the catalogue's offices, overlaid by
 * the approved changes in {@code purpose_in_force} (a replacement, an addition, or a withdrawal
 * that hides a default). {@link #find} runs on every staff read, so it is one primary-key look-up;
 * nothing is cached, so every instance sees an approval as soon as the projection stored it.
 */
public class JdbcPurposeDirectory implements PurposeDirectory {

    private static final String COLUMNS =
            "office, code, withdrawn, name, legal_basis, categories, case_offices, all_offices, change_id, in_force_since";

    private final JdbcTemplate jdbc;
    private final Map<OfficeCode, Map<PurposeCode, Purpose>> defaults = new LinkedHashMap<>();

    public JdbcPurposeDirectory(JdbcTemplate jdbc, Catalogue catalogue) {
        this.jdbc = jdbc;
        catalogue.offices().forEach(o -> defaults.put(o.code(), new LinkedHashMap<>()));
        for (Purpose purpose : DefaultPurposes.of(catalogue)) {
            defaults.get(purpose.office()).put(purpose.code(), purpose);
        }
    }

    /** A purpose in force and where it comes from: the seed ({@code changeId} null) or an approved change. */
    public record InForce(Purpose purpose, PurposeChangeId changeId, Instant since) {
    }

    /** An approved change's row: a purpose, or a withdrawal ({@code purpose} null). */
    private record Row(OfficeCode office, PurposeCode code, Purpose purpose, PurposeChangeId changeId, Instant since) {
    }

    @Override
    public Optional<Purpose> find(OfficeCode office, PurposeCode code) {
        List<Row> rows = jdbc.query("SELECT " + COLUMNS + " FROM purpose_in_force WHERE office = ? AND code = ?",
                JdbcPurposeDirectory::row, office.value(), code.value());
        if (rows.isEmpty()) {
            return Optional.ofNullable(defaults.getOrDefault(office, Map.of()).get(code));
        }
        return Optional.ofNullable(rows.get(0).purpose());
    }

    @Override
    public List<Purpose> of(OfficeCode office) {
        return inForce(office).stream().map(InForce::purpose).toList();
    }

    /** The purposes of an office in force: the defaults in their seeded order, then added ones by code. */
    public List<InForce> inForce(OfficeCode office) {
        Map<PurposeCode, InForce> purposes = new LinkedHashMap<>();
        defaults.getOrDefault(office, Map.of()).forEach((code, p) -> purposes.put(code, new InForce(p, null, null)));
        List<Row> rows = jdbc.query("SELECT " + COLUMNS + " FROM purpose_in_force WHERE office = ?",
                JdbcPurposeDirectory::row, office.value());
        rows.stream().sorted(Comparator.comparing(r -> r.code().value())).forEach(r -> {
            if (r.purpose() == null) {
                purposes.remove(r.code());
            } else {
                purposes.put(r.code(), new InForce(r.purpose(), r.changeId(), r.since()));
            }
        });
        return List.copyOf(purposes.values());
    }

    private static Row row(ResultSet rs, int i) throws SQLException {
        OfficeCode office = OfficeCode.of(rs.getString("office"));
        PurposeCode code = PurposeCode.of(rs.getString("code"));
        Purpose purpose = rs.getBoolean("withdrawn") ? null : new Purpose(code, office, rs.getString("name"),
                rs.getString("legal_basis"),
                Lists.split(rs.getString("categories")).stream().map(DataCategory::valueOf)
                        .collect(Collectors.toCollection(() -> EnumSet.noneOf(DataCategory.class))),
                Lists.split(rs.getString("case_offices")).stream().map(OfficeCode::of).collect(Collectors.toSet()),
                rs.getBoolean("all_offices"));
        return new Row(office, code, purpose, PurposeChangeId.of(rs.getString("change_id")),
                ChangeViewTable.instant(rs, "in_force_since"));
    }
}
