package de.eakte.audit.log;

import org.springframework.jdbc.core.JdbcTemplate;

import java.util.function.IntSupplier;

/**
 * The generation of a read model that serves readers, read from {@code projection_generation} on
 * every call, so the live handlers follow a swap at once (docs/decisions/0007-blue-green-rebuild.md).
 * The audit module's counterpart of the projections module's {@code Generations}, which it may not
 * import.
 */
public final class ActiveGeneration {

    private ActiveGeneration() {
    }

    public static IntSupplier of(JdbcTemplate jdbc, String projection) {
        return () -> jdbc.queryForObject("SELECT active FROM projection_generation WHERE projection = ?", Integer.class,
                projection);
    }
}
