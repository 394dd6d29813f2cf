package de.eakte.api.retention;

import de.eakte.api.web.Commands;
import de.eakte.core.retention.DisposalCandidate;
import de.eakte.core.retention.DisposalList;
import de.eakte.core.retention.DisposalListId;
import de.eakte.core.retention.DrawUpDisposalList;
import de.eakte.core.retention.DrawUpTrigger;
import de.eakte.core.retention.RetentionRegister;
import de.eakte.core.shared.Actor;
import de.eakte.core.shared.DomainRuleViolation;
import de.eakte.core.shared.Zones;
import org.axonframework.commandhandling.CommandExecutionException;
import org.springframework.dao.DataIntegrityViolationException;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Draws up a disposal list of the cases due today, for the schedule, the sub-command and the
 * endpoint alike. Nothing due: no list (and no event).
 */
public class DisposalLists {

    /** Who the schedule and the sub-command act as: records management's system account. */
    public static final Actor SCHEDULE = new Actor(de.eakte.core.shared.Role.ADMIN, "system:retention-schedule", null);

    private final Commands commands;
    private final RetentionRegister register;
    private final Clock clock;

    public DisposalLists(Commands commands, RetentionRegister register, Clock clock) {
        this.commands = commands;
        this.register = register;
        this.clock = clock;
    }

    /** What was drawn up: the list and its cases, in the list's order. */
    public record DrawnUp(DisposalListId listId, List<DisposalCandidate> cases) {
    }

    public Optional<DrawnUp> drawUp(Actor actor, DrawUpTrigger trigger, String correlationId) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), Zones.ADMINISTRATION);
        List<DisposalCandidate> due = register.due(today, DisposalList.MAX_CASES);
        if (due.isEmpty()) {
            return Optional.empty();
        }
        DisposalListId id = DisposalListId.random();
        try {
            commands.send(new DrawUpDisposalList(id, due, trigger, actor), actor, correlationId);
        } catch (CommandExecutionException | DomainRuleViolation e) {
            Throwable cause = e instanceof CommandExecutionException ? e.getCause() : e;
            if (cause instanceof DomainRuleViolation v && "nothing-due".equals(v.rule())) {
                return Optional.empty();
            }
            throw e;
        } catch (DataIntegrityViolationException e) {
            throw DomainRuleViolation.conflict("list-overlap",
                    "another disposal list was drawn up at the same moment and took some of these cases; try again");
        }
        return Optional.of(new DrawnUp(id, due.stream()
                .sorted(java.util.Comparator.comparing(DisposalCandidate::retentionEndsOn)
                        .thenComparing(c -> c.fileReference().toString())).toList()));
    }
}
