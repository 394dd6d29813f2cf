package de.eakte.api.access;

import de.eakte.core.access.BreakGlassOpened;
import de.eakte.core.access.BreakGlassReviewed;
import de.eakte.core.shared.Actor;
import de.eakte.core.shared.CitizenId;
import de.eakte.core.shared.DomainRuleViolation;
import de.eakte.core.shared.Zones;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.EventBus;
import org.axonframework.eventhandling.GenericEventMessage;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import de.eakte.audit.access.AccessLogRetention;
import de.eakte.core.access.AccessFields;
import de.eakte.core.crypto.FieldSealer;
import de.eakte.core.crypto.KeyId;
import java.util.UUID;

/**
 * Break-glass grants: opening one stores a {@link BreakGlassOpened} event and, in the same
 * transaction, the DPO's review queue entry (the DPO is told at once, not by a later report).
 * Reviews are events too, and nobody reviews their own grant.
 */
public class BreakGlassRegistry {

    public enum Verdict { JUSTIFIED, UNJUSTIFIED }

    public record Grant(String grantId, String actorSubject, String actorRole, String actorOffice, String citizenId,
                        String justification, Instant openedAt, Instant expiresAt, String reviewStatus,
                        String reviewedBy, Instant reviewedAt, String reviewNote, String sealedKey) {
    }

    private final JdbcTemplate jdbc;
    private final EventBus events;
    private final TransactionManager transactions;
    private final Clock clock;
    private final Duration grantDuration;
    private final FieldSealer sealer;
    private final AccessLogRetention retention;

    public BreakGlassRegistry(JdbcTemplate jdbc, EventBus events, TransactionManager transactions, Clock clock,
                              Duration grantDuration, FieldSealer sealer, AccessLogRetention retention) {
        this.sealer = sealer;
        this.retention = retention;
        this.jdbc = jdbc;
        this.events = events;
        this.transactions = transactions;
        this.clock = clock;
        this.grantDuration = grantDuration;
    }

    public boolean activeGrant(Actor actor, CitizenId citizen) {
        Integer count = jdbc.queryForObject(
                "SELECT COUNT(*) FROM break_glass_grant WHERE actor_subject = ? AND citizen_id = ? AND expires_at > ?",
                Integer.class, actor.subject(), citizen.toString(), utc(clock.instant()));
        return count != null && count > 0;
    }

    /** Grants opened by this person since midnight (Europe/Berlin). */
    public int usesToday(Actor actor) {
        Instant midnight = LocalDate.ofInstant(clock.instant(), Zones.ADMINISTRATION).atStartOfDay(Zones.ADMINISTRATION)
                .toInstant();
        Integer count = jdbc.queryForObject(
                "SELECT COUNT(*) FROM break_glass_grant WHERE actor_subject = ? AND opened_at >= ?",
                Integer.class, actor.subject(), utc(midnight));
        return count == null ? 0 : count;
    }

    /**
     * Opens a grant unless the person's daily quota is used up (then empty). Counting and storing
     * happen under a lock on the person's row, so concurrent requests cannot exceed the quota.
     */
    public Optional<UUID> open(Actor actor, CitizenId citizen, String justification, int dailyQuota,
                               String correlationId) {
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        Instant expires = now.plus(grantDuration);
        KeyId key = retention.keyFor(now, null);
        BreakGlassOpened event = new BreakGlassOpened(id, citizen, actor.role().claimValue(),
                sealer.seal(key, id.toString(), AccessFields.BREAK_GLASS_ACTOR_SUBJECT, actor.subject()),
                actor.office(), sealer.seal(key, id.toString(), AccessFields.BREAK_GLASS_JUSTIFICATION, justification),
                now, expires);
        try {
            jdbc.update("INSERT INTO break_glass_person (actor_subject) VALUES (?)", actor.subject());
        } catch (DuplicateKeyException known) {
            // the person's lock row exists already
        }
        boolean[] opened = {false};
        transactions.executeInTransaction(() -> {
            jdbc.queryForList("SELECT actor_subject FROM break_glass_person WHERE actor_subject = ? FOR UPDATE",
                    String.class, actor.subject());
            if (usesToday(actor) >= dailyQuota) {
                return;
            }
            opened[0] = true;
            jdbc.update("""
                    INSERT INTO break_glass_grant (grant_id, actor_subject, actor_role, actor_office, citizen_id,
                      justification, opened_at, expires_at, review_status, sealed_key)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'PENDING', ?)""",
                    id.toString(), actor.subject(), actor.role().claimValue(),
                    actor.office() == null ? null : actor.office().value(), citizen.toString(), justification,
                    utc(now), utc(expires), key.value());
            // the person is only in the sealed payload, not in the metadata stored in clear
            events.publish(GenericEventMessage.asEventMessage(event).andMetaData(metaData(actor, correlationId)));
        });
        return opened[0] ? Optional.of(id) : Optional.empty();
    }

    public List<Grant> list(String status) {
        return status == null
                ? jdbc.query("SELECT * FROM break_glass_grant ORDER BY opened_at DESC", this::grant)
                : jdbc.query("SELECT * FROM break_glass_grant WHERE review_status = ? ORDER BY opened_at DESC",
                this::grant, status);
    }

    public Grant review(UUID grantId, Actor reviewer, Verdict verdict, String note, String correlationId) {
        Grant grant = jdbc.query("SELECT * FROM break_glass_grant WHERE grant_id = ?", this::grant, grantId.toString())
                .stream().findFirst()
                .orElseThrow(() -> DomainRuleViolation.notFound("grant-unknown", "grantId", "no break-glass grant " + grantId));
        if (grant.actorSubject().equals(reviewer.subject())) {
            throw DomainRuleViolation.forbidden("four-eyes-review", "a break-glass use is reviewed by someone else");
        }
        if (!"PENDING".equals(grant.reviewStatus())) {
            throw DomainRuleViolation.conflict("already-reviewed", "this break-glass use was reviewed already");
        }
        Instant now = clock.instant();
        transactions.executeInTransaction(() -> {
            int updated = jdbc.update("""
                    UPDATE break_glass_grant SET review_status = ?, reviewed_by = ?, reviewed_at = ?, review_note = ?
                    WHERE grant_id = ? AND review_status = 'PENDING'""",
                    verdict.name(), reviewer.subject(), utc(now), note, grantId.toString());
            if (updated != 1) {
                throw DomainRuleViolation.conflict("already-reviewed", "this break-glass use was reviewed already");
            }
            KeyId key = grant.sealedKey() != null ? new KeyId(grant.sealedKey())
                    : retention.keyFor(grant.openedAt(), null);
            String id = grantId.toString();
            events.publish(GenericEventMessage.asEventMessage(new BreakGlassReviewed(grantId,
                    sealer.seal(key, id, AccessFields.BREAK_GLASS_REVIEWER, reviewer.subject()), verdict.name(),
                    sealer.seal(key, id, AccessFields.BREAK_GLASS_REVIEW_NOTE, note), now))
                    .andMetaData(metaData(reviewer, correlationId)));
        });
        return jdbc.query("SELECT * FROM break_glass_grant WHERE grant_id = ?", this::grant, grantId.toString()).get(0);
    }

    /**
     * Forgets the grants whose events were sealed under these keys, once their access-log period's
     * retention ended and the keys were destroyed; answers how many rows went.
     */
    public int forget(List<KeyId> destroyed) {
        int deleted = 0;
        for (KeyId key : destroyed) {
            deleted += jdbc.update("DELETE FROM break_glass_grant WHERE sealed_key = ?", key.value());
        }
        // the quota's lock rows of people with no grant left name them too
        jdbc.update("""
                DELETE FROM break_glass_person WHERE NOT EXISTS
                  (SELECT 1 FROM break_glass_grant g WHERE g.actor_subject = break_glass_person.actor_subject)""");
        return deleted;
    }

    /** Role and correlation id: the person stays in the sealed payload. */
    private static Map<String, Object> metaData(Actor actor, String correlationId) {
        Map<String, Object> meta = new java.util.HashMap<>();
        meta.put("actorRole", actor.role().claimValue());
        if (correlationId != null) {
            meta.put("correlationId", correlationId);
        }
        return meta;
    }

    private Grant grant(ResultSet rs, int row) throws SQLException {
        return new Grant(rs.getString("grant_id"), rs.getString("actor_subject"), rs.getString("actor_role"),
                rs.getString("actor_office"), rs.getString("citizen_id"), rs.getString("justification"),
                instant(rs, "opened_at"), instant(rs, "expires_at"), rs.getString("review_status"),
                rs.getString("reviewed_by"), instant(rs, "reviewed_at"), rs.getString("review_note"),
                rs.getString("sealed_key"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
