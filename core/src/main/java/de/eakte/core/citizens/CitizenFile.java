package de.eakte.core.citizens;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import de.eakte.core.access.policy.InformationBlock;
import de.eakte.core.catalogue.Catalogue;
import de.eakte.core.crypto.FieldSealer;
import de.eakte.core.crypto.DataKeys;
import de.eakte.core.crypto.KeyId;
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
import java.util.Comparator;
import java.util.List;

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
    private boolean erasurePending;
    private String erasureRequestedByStaff;
    private boolean restricted;
    private boolean erased;
    private long version;

    protected CitizenFile() {
        // for Axon and Jackson snapshots
    }

    @CommandHandler
    public CitizenFile(OpenCitizenFile command, Clock clock, FieldSealer sealer) {
        requireStaff(command.actor());
        Values.requireNonNull("citizenId", command.citizenId());
        Values.requireNonNull("address", command.address());
        Instant now = clock.instant();
        requireBornBy(command.masterData(), now);
        CitizenId id = command.citizenId();
        KeyId key = KeyId.citizen(id);
        apply(new CitizenFileOpened(id, sealer.seal(key, id.toString(), CitizenFields.MASTER_DATA, command.masterData()),
                sealer.seal(key, id.toString(), CitizenFields.ADDRESS, command.address()), now));
    }

    @CommandHandler
    public long handle(CorrectMasterData command, Clock clock, FieldSealer sealer) {
        requireNotErased();
        requireStaff(command.actor());
        Instant now = clock.instant();
        requireBornBy(command.masterData(), now);
        apply(new MasterDataCorrected(citizenId,
                sealer.seal(KeyId.citizen(citizenId), citizenId.toString(), CitizenFields.MASTER_DATA, command.masterData()), now));
        return version;
    }

    @CommandHandler
    public long handle(RecordMove command, Clock clock, FieldSealer sealer) {
        requireNotErased();
        requireStaff(command.actor());
        Values.requireNonNull("address", command.address());
        if (command.movedOn() == null) {
            throw DomainRuleViolation.invalid("required", "movedOn", "movedOn is required");
        }
        if (lastMovedOn != null && command.movedOn().isBefore(lastMovedOn)) {
            throw DomainRuleViolation.invalid("move-before-previous-move", "movedOn",
                    "movedOn must not be before the previous move on " + lastMovedOn);
        }
        apply(new CitizenMoved(citizenId,
                sealer.seal(KeyId.citizen(citizenId), citizenId.toString(), CitizenFields.ADDRESS, command.address()),
                command.movedOn(), clock.instant()));
        return version;
    }

    /** BMG §§ 51, 52: blocks are entered by the registration authority (Bürgeramt) only. */
    @CommandHandler
    public long handle(SetInformationBlock command, Clock clock) {
        requireNotErased();
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
        requireNotErased();
        requireRegistrationOffice(command.actor());
        if (block == InformationBlock.NONE) {
            throw DomainRuleViolation.conflict("no-block", "the file is under no information block");
        }
        apply(new InformationBlockLifted(citizenId, clock.instant()));
        return version;
    }

    /**
     * GDPR Art. 17: erase if no retention period binds (Art. 17(3)(b)); otherwise restrict
     * processing (Art. 18) and tell the citizen the earliest date erasure becomes possible.
     */
    @CommandHandler
    public ErasureOutcome handle(RequestErasure command, Clock clock, RetentionFacts retention) {
        requireNotErased();
        Actor actor = command.actor();
        boolean ownFile = actor != null && actor.role() == Role.CITIZEN;
        if (actor == null || !(ownFile || actor.role() == Role.STAFF)) {
            throw DomainRuleViolation.forbidden("erasure-requester",
                    "erasure is requested by the citizen or by staff on their behalf");
        }
        if (erasurePending) {
            throw DomainRuleViolation.conflict("erasure-pending", "an erasure request is already awaiting a decision");
        }
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, Zones.ADMINISTRATION);
        RetentionFacts.Retention facts = retention.of(citizenId);
        apply(new ErasureRequested(citizenId, actor.role(), ownFile ? null : actor.subject(), now));
        if (facts.binds(today)) {
            return restrict(facts, today, now);
        }
        return new ErasureOutcome(true, false, today, version);
    }

    @CommandHandler
    public long handle(GiveErasureOpinion command, Clock clock, FieldSealer sealer) {
        requireNotErased();
        if (command.actor() == null || command.actor().role() != Role.DPO) {
            throw DomainRuleViolation.forbidden("dpo-only", "opinions on erasure are given by the data-protection officer");
        }
        requirePendingErasure();
        String opinion = Values.requireText("opinion", command.opinion(), 4_000);
        apply(new ErasureOpinionGiven(citizenId,
                sealer.seal(KeyId.citizen(citizenId), citizenId.toString(), CitizenFields.ERASURE_OPINION, opinion),
                clock.instant()));
        return version;
    }

    /**
     * The controller's decision (the registration office keeps the citizen's file). Retention is
     * checked again: a case opened since the request restricts instead of erasing.
     */
    @CommandHandler
    public ErasureOutcome handle(DecideErasure command, Clock clock, FieldSealer sealer, RetentionFacts retention,
                                 DataKeys keys) {
        requireNotErased();
        Actor actor = command.actor();
        if (actor == null || !actor.isStaffOf(Catalogue.RESIDENTS_REGISTRATION)) {
            throw DomainRuleViolation.forbidden("erasure-decided-by-controller",
                    "erasure is decided by staff of the registration office (" + Catalogue.RESIDENTS_REGISTRATION + ")");
        }
        requirePendingErasure();
        if (actor.subject().equals(erasureRequestedByStaff)) {
            throw DomainRuleViolation.forbidden("four-eyes", "who requested the erasure on a citizen's behalf does not decide it");
        }
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, Zones.ADMINISTRATION);
        if (!command.erase()) {
            String reason = Values.requireText("reason", command.reason(), 4_000);
            apply(new ErasureRejected(citizenId,
                    sealer.seal(KeyId.citizen(citizenId), citizenId.toString(), CitizenFields.ERASURE_REJECTION, reason), now));
            return new ErasureOutcome(false, false, null, version);
        }
        RetentionFacts.Retention facts = retention.of(citizenId);
        if (facts.binds(today)) {
            return restrict(facts, today, now);
        }
        // crypto-shredding: the keys go in this transaction; the event lists them for the ledger
        List<KeyId> destroyed = keys.destroyFamily(KeyId.citizen(citizenId)).stream()
                .sorted(Comparator.comparing(KeyId::value)).toList();
        apply(new CitizenErased(citizenId, destroyed, now));
        return new ErasureOutcome(true, false, today, version);
    }

    /** Art. 18 instead of Art. 17: restrict, and say from when erasure becomes possible. */
    private ErasureOutcome restrict(RetentionFacts.Retention facts, LocalDate today, Instant now) {
        LocalDate earliest = facts.earliestErasureOn(today);
        apply(new ProcessingRestricted(citizenId, earliest, now));
        return new ErasureOutcome(false, true, earliest, version);
    }

    /** What became of an erasure request or decision. */
    public record ErasureOutcome(boolean erasable, boolean restricted, LocalDate earliestErasureOn, long version) {
    }

    @EventSourcingHandler
    void on(ErasureRequested event, @SequenceNumber long sequence) {
        erasurePending = true;
        erasureRequestedByStaff = event.staffSubject();
        version = sequence;
    }

    @EventSourcingHandler
    void on(ProcessingRestricted event, @SequenceNumber long sequence) {
        erasurePending = false;
        erasureRequestedByStaff = null;
        restricted = true;
        version = sequence;
    }

    @EventSourcingHandler
    void on(ErasureOpinionGiven event, @SequenceNumber long sequence) {
        version = sequence;
    }

    @EventSourcingHandler
    void on(ErasureRejected event, @SequenceNumber long sequence) {
        erasurePending = false;
        erasureRequestedByStaff = null;
        version = sequence;
    }

    @EventSourcingHandler
    void on(CitizenErased event, @SequenceNumber long sequence) {
        erasurePending = false;
        erased = true;
        version = sequence;
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

    private void requireNotErased() {
        if (erased) {
            throw DomainRuleViolation.gone("citizen-erased", "the citizen's data was erased (GDPR Art. 17)");
        }
    }

    private void requirePendingErasure() {
        if (!erasurePending) {
            throw DomainRuleViolation.conflict("no-erasure-pending", "no erasure request awaits a decision");
        }
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
