package de.eakte.core.citizens;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import de.eakte.core.access.policy.InformationBlock;
import de.eakte.core.catalogue.Catalogue;
import de.eakte.core.shared.Actor;
import de.eakte.core.shared.CitizenId;
import de.eakte.core.shared.DomainRuleViolation;
import de.eakte.core.shared.Role;
import de.eakte.core.shared.Values;
import de.eakte.core.shared.Zones;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.modelling.command.AggregateIdentifier;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * Bürgerakte: a citizen's file. Holds only what its decisions need (no names, no address), so
 * snapshots never carry personal data.
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY)
public class CitizenFile {

    @AggregateIdentifier
    private CitizenId citizenId;
    private LocalDate lastMovedOn;
    private InformationBlock block = InformationBlock.NONE;
    private long version;

    protected CitizenFile() {
        // for Axon and Jackson snapshots
    }

    @CommandHandler
    public CitizenFile(OpenCitizenFile command, Clock clock) {
        requireStaff(command.actor());
        Values.requireNonNull("citizenId", command.citizenId());
        Values.requireNonNull("address", command.address());
        Instant now = clock.instant();
        requireBornBy(command.masterData(), now);
        apply(new CitizenFileOpened(command.citizenId(), command.masterData(), command.address(), now));
    }

    @CommandHandler
    public long handle(CorrectMasterData command, Clock clock) {
        requireStaff(command.actor());
        Instant now = clock.instant();
        requireBornBy(command.masterData(), now);
        apply(new MasterDataCorrected(citizenId, command.masterData(), now));
        return version;
    }

    @CommandHandler
    public long handle(RecordMove command, Clock clock) {
        requireStaff(command.actor());
        Values.requireNonNull("address", command.address());
        if (command.movedOn() == null) {
            throw DomainRuleViolation.invalid("required", "movedOn", "movedOn is required");
        }
        if (lastMovedOn != null && command.movedOn().isBefore(lastMovedOn)) {
            throw DomainRuleViolation.invalid("move-before-previous-move", "movedOn",
                    "movedOn must not be before the previous move on " + lastMovedOn);
        }
        apply(new CitizenMoved(citizenId, command.address(), command.movedOn(), clock.instant()));
        return version;
    }

    /** BMG §§ 51, 52: blocks are entered by the registration authority (Bürgeramt) only. */
    @CommandHandler
    public long handle(SetInformationBlock command, Clock clock) {
        requireRegistrationOffice(command.actor());
        InformationBlock kind = Values.requireNonNull("kind", command.kind());
        if (kind == InformationBlock.NONE) {
            throw DomainRuleViolation.invalid("block-kind", "kind", "kind must be BLOCK or CONDITIONAL; lift a block instead");
        }
        if (kind == block) {
            throw DomainRuleViolation.conflict("block-unchanged", "the file is already under a " + kind + " block");
        }
        apply(new InformationBlockSet(citizenId, kind, clock.instant()));
        return version;
    }

    @CommandHandler
    public long handle(LiftInformationBlock command, Clock clock) {
        requireRegistrationOffice(command.actor());
        if (block == InformationBlock.NONE) {
            throw DomainRuleViolation.conflict("no-block", "the file is under no information block");
        }
        apply(new InformationBlockLifted(citizenId, clock.instant()));
        return version;
    }

    @EventSourcingHandler
    void on(InformationBlockSet event, @SequenceNumber long sequence) {
        block = event.kind();
        version = sequence;
    }

    @EventSourcingHandler
    void on(InformationBlockLifted event, @SequenceNumber long sequence) {
        block = InformationBlock.NONE;
        version = sequence;
    }

    @EventSourcingHandler
    void on(CitizenFileOpened event, @SequenceNumber long sequence) {
        citizenId = event.citizenId();
        version = sequence;
    }

    @EventSourcingHandler
    void on(MasterDataCorrected event, @SequenceNumber long sequence) {
        version = sequence;
    }

    @EventSourcingHandler
    void on(CitizenMoved event, @SequenceNumber long sequence) {
        lastMovedOn = event.movedOn();
        version = sequence;
    }

    private static void requireRegistrationOffice(Actor actor) {
        if (actor == null || !actor.isStaffOf(Catalogue.RESIDENTS_REGISTRATION)) {
            throw DomainRuleViolation.forbidden("registration-office-only",
                    "information blocks are set and lifted by the registration office (" + Catalogue.RESIDENTS_REGISTRATION + ")");
        }
    }

    private static void requireStaff(Actor actor) {
        if (actor == null || actor.role() != Role.STAFF) {
            throw DomainRuleViolation.forbidden("staff-only", "only staff of an office keep citizens' files");
        }
    }

    private static void requireBornBy(MasterData data, Instant now) {
        Values.requireNonNull("masterData", data);
        if (data.dateOfBirth().isAfter(LocalDate.ofInstant(now, Zones.ADMINISTRATION))) {
            throw DomainRuleViolation.invalid("date-of-birth-in-future", "dateOfBirth", "dateOfBirth must not be in the future");
        }
    }
}
