package de.eakte.api.catalogue;

import de.eakte.core.catalogue.Catalogue;
import de.eakte.core.catalogue.Office;
import de.eakte.core.catalogue.OfficeDirectory;
import de.eakte.core.catalogue.changes.OfficeChangeId;
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
 * The offices in force: the seeded ones of the {@link Catalogue}, overlaid by the approved changes
 * in {@code office_in_force} (a renaming or an addition). One primary-key look-up per {@link
 * #office}; nothing is cached, so every instance sees an approval as soon as the projection stored it.
 */
public class JdbcOfficeDirectory implements OfficeDirectory {

    private static final String COLUMNS = "code, name, change_id, in_force_since";

    private final JdbcTemplate jdbc;
    private final Map<OfficeCode, Office> defaults = new LinkedHashMap<>();

    public JdbcOfficeDirectory(JdbcTemplate jdbc, Catalogue catalogue) {
        this.jdbc = jdbc;
        catalogue.offices().forEach(o -> defaults.put(o.code(), o));
    }

    /** An office in force and where it comes from: the seed ({@code changeId} null) or an approved change. */
    public record InForce(Office office, OfficeChangeId changeId, Instant since) {
    }

    @Override
    public Optional<Office> office(OfficeCode code) {
        List<InForce> rows = jdbc.query("SELECT " + COLUMNS + " FROM office_in_force WHERE code = ?",
                JdbcOfficeDirectory::row, code.value());
        return rows.isEmpty() ? Optional.ofNullable(defaults.get(code)) : Optional.of(rows.get(0).office());
    }

    @Override
    public Collection<Office> offices() {
        return inForce().stream().map(InForce::office).toList();
    }

    /** Every office in force: the defaults in their seeded order, then added ones by code. */
    public List<InForce> inForce() {
        Map<OfficeCode, InForce> offices = new LinkedHashMap<>();
        defaults.forEach((code, o) -> offices.put(code, new InForce(o, null, null)));
        jdbc.query("SELECT " + COLUMNS + " FROM office_in_force", JdbcOfficeDirectory::row).stream()
                .sorted(Comparator.comparing(r -> r.office().code().value()))
                .forEach(r -> offices.put(r.office().code(), r));
        return List.copyOf(offices.values());
    }

    private static InForce row(ResultSet rs, int i) throws SQLException {
        return new InForce(new Office(OfficeCode.of(rs.getString("code")), rs.getString("name")),
                OfficeChangeId.of(rs.getString("change_id")), ChangeViewTable.instant(rs, "in_force_since"));
    }
}
