package de.eakte.projections.search;

import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;
import java.util.OptionalInt;

/**
 * Which generation of a generational read model serves readers ({@code active}) and which one a
 * rebuild is filling ({@code building}). The pointer lives in the shared database, so every
 * instance reads and writes the same generation.
 */
public final class Generations {

    private final JdbcTemplate jdbc;
    private final String projection;

    public Generations(JdbcTemplate jdbc, String projection) {
        this.jdbc = jdbc;
        this.projection = projection;
    }

    public String projection() {
        return projection;
    }

    public int active() {
        return jdbc.queryForObject("SELECT active FROM projection_generation WHERE projection = ?", Integer.class, projection);
    }

    public OptionalInt building() {
        List<Integer> building = jdbc.queryForList(
                "SELECT building FROM projection_generation WHERE projection = ? AND building IS NOT NULL", Integer.class,
                projection);
        return building.isEmpty() ? OptionalInt.empty() : OptionalInt.of(building.get(0));
    }

    /** Reserves the next generation for a rebuild and returns it; it stays invisible to readers. */
    public int beginBuilding() {
        int next = Math.max(active(), building().orElse(0)) + 1;
        jdbc.update("UPDATE projection_generation SET building = ? WHERE projection = ?", next, projection);
        return next;
    }

    /** Readers switch to the generation; the rebuild is over. */
    public void activate(int generation) {
        jdbc.update("UPDATE projection_generation SET active = ?, building = NULL, rebuild_required = FALSE WHERE projection = ?",
                generation, projection);
    }

    /**
     * The serving generation was built by an older version of the projection (a migration said so)
     * and must be rebuilt; it keeps serving until the rebuild has caught up.
     */
    public boolean rebuildRequired() {
        return Boolean.TRUE.equals(jdbc.queryForObject("SELECT rebuild_required FROM projection_generation WHERE projection = ?",
                Boolean.class, projection));
    }

    /** A failed rebuild gives up its generation. */
    public void abandon(int generation) {
        jdbc.update("UPDATE projection_generation SET building = NULL WHERE projection = ? AND building = ?", projection,
                generation);
    }
}
