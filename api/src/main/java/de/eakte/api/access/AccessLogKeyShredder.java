package de.eakte.api.access;

import de.eakte.audit.access.AccessLogRetention;
import de.eakte.core.access.AccessLogKeysDestroyed;
import de.eakte.core.crypto.DataKeys;
import de.eakte.core.crypto.KeyId;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.EventBus;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Destroys the keys of access-log periods whose retention has ended and records that as
 * {@link AccessLogKeysDestroyed}, in one transaction; the access-log read models then delete the
 * entries sealed under them. Daily ({@code eakte.access-log.retention.cron}, Berlin time; "-"
 * switches it off) and by {@code retention access-log}. The break-glass grants of those periods are
 * deleted in the same transaction. Several instances may run it at once:
 * destroying a destroyed key is a no-op, and a second event naming it deletes nothing more.
 */
public class AccessLogKeyShredder {

    private static final Logger LOG = LoggerFactory.getLogger(AccessLogKeyShredder.class);

    private final JdbcTemplate jdbc;
    private final DataKeys keys;
    private final AccessLogRetention retention;
    private final EventBus eventBus;
    private final TransactionManager transactions;
    private final Clock clock;
    private final BreakGlassRegistry breakGlass;

    public AccessLogKeyShredder(JdbcTemplate jdbc, DataKeys keys, AccessLogRetention retention, EventBus eventBus,
                                TransactionManager transactions, Clock clock, BreakGlassRegistry breakGlass) {
        this.breakGlass = breakGlass;
        this.jdbc = jdbc;
        this.keys = keys;
        this.retention = retention;
        this.eventBus = eventBus;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** Destroys every live access-period key whose retention has ended; answers them. */
    public List<KeyId> destroyExpired() {
        Instant now = clock.instant();
        List<KeyId> due = jdbc.queryForList("SELECT key_id FROM data_key WHERE family_root LIKE 'access/%' "
                        + "AND destroyed_at IS NULL ORDER BY key_id", String.class).stream()
                .map(KeyId::new).filter(k -> retention.expired(k, now)).toList();
        if (due.isEmpty()) {
            return due;
        }
        DefaultUnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        unitOfWork.attachTransaction(transactions);
        unitOfWork.execute(() -> {
            due.forEach(keys::destroyFamily);
            // the break-glass queue keeps the person and the justification in clear until then
            breakGlass.forget(due);
            eventBus.publish(GenericEventMessage.asEventMessage(new AccessLogKeysDestroyed(due, now)));
        });
        return due;
    }

    @Scheduled(cron = "${eakte.access-log.retention.cron:0 5 0 * * *}", zone = "Europe/Berlin")
    public void daily() {
        try {
            List<KeyId> destroyed = destroyExpired();
            if (destroyed.isEmpty()) {
                LOG.info("no access-log period's retention has ended");
            } else {
                LOG.info("destroyed the keys of {} access-log periods whose retention ended: {}", destroyed.size(),
                        destroyed);
            }
        } catch (RuntimeException e) {
            LOG.error("access-log keys not destroyed; the next run tries again", e);
        }
    }
}
