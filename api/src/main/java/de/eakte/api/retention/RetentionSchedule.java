package de.eakte.api.retention;

import de.eakte.core.retention.DrawUpTrigger;
import de.eakte.core.shared.DomainRuleViolation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;

import java.util.UUID;

/**
 * The daily draw-up ({@code eakte.retention.draw-up-cron}, Berlin time; "-" switches it off).
 * Several instances may run it at once: the claims let one list win, the others log and wait for
 * the next day.
 */
public class RetentionSchedule {

    private static final Logger log = LoggerFactory.getLogger(RetentionSchedule.class);

    private final DisposalLists lists;

    public RetentionSchedule(DisposalLists lists) {
        this.lists = lists;
    }

    @Scheduled(cron = "${eakte.retention.draw-up-cron:0 30 4 * * *}", zone = "Europe/Berlin")
    public void drawUp() {
        try {
            lists.drawUp(DisposalLists.SCHEDULE, DrawUpTrigger.SCHEDULE, "retention-schedule-" + UUID.randomUUID())
                    .ifPresentOrElse(
                            d -> log.info("disposal list {} drawn up with {} cases; it awaits confirmation and approval",
                                    d.listId(), d.cases().size()),
                            () -> log.info("no closed case's retention has ended; no disposal list drawn up"));
        } catch (DomainRuleViolation e) {
            log.warn("disposal list not drawn up: {}", e.getMessage());
        } catch (RuntimeException e) {
            log.error("disposal list not drawn up", e);
        }
    }
}
