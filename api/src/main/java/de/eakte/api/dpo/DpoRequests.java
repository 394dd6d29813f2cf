package de.eakte.api.dpo;

import de.eakte.api.web.Requests;
import de.eakte.core.shared.Actor;
import de.eakte.core.shared.InvalidValueException;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.EventBus;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;

/** What the DPO's endpoints share: reading periods and numbers, and storing what the DPO did. */
final class DpoRequests {

    private DpoRequests() {
    }

    static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    /**
     * A point in time: an ISO-8601 instant ({@code 2026-11-22T06:00:00Z}) or a date
     * ({@code 2026-11-22}), which means the start of that day in {@code zone}.
     */
    static Instant time(String field, String text, ZoneId zone) {
        if (blank(text)) {
            return null;
        }
        String value = text.strip();
        if (value.length() == 10) {
            try {
                return LocalDate.parse(value).atStartOfDay(zone).toInstant();
            } catch (DateTimeParseException e) {
                throw new InvalidValueException(field, "instant", field
                        + " must be a date (2026-11-22) or an ISO-8601 time in UTC (2026-11-22T06:00:00Z)");
            }
        }
        return Requests.instant(field, value);
    }

    static long number(String field, String text, long fallback, long min, long max) {
        if (blank(text)) {
            return fallback;
        }
        try {
            long value = Long.parseLong(text.strip());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // answered below, like an out-of-range number
        }
        throw new InvalidValueException(field, "range", field + " must be a number from " + min
                + (max == Long.MAX_VALUE ? " up" : " to " + max));
    }

    /** Stores an event of the DPO in its own unit of work, so it is committed before the answer leaves. */
    static void record(EventBus eventBus, TransactionManager transactions, Object event, Actor dpo,
                       String correlationId) {
        Map<String, Object> meta = new HashMap<>();
        meta.put("actorSubject", dpo.subject());
        meta.put("actorRole", dpo.role().claimValue());
        if (correlationId != null) {
            meta.put("correlationId", correlationId);
        }
        DefaultUnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        unitOfWork.attachTransaction(transactions);
        unitOfWork.execute(() -> eventBus.publish(
                GenericEventMessage.asEventMessage(event).andMetaData(MetaData.from(meta))));
    }
}
