package de.eakte.bench.server;

import de.eakte.core.cases.Case;
import de.eakte.core.cases.CitizenRegistry;
import de.eakte.core.cases.FileReferenceAllocator;
import de.eakte.core.cases.OpenCase;
import de.eakte.core.catalogue.CaseTypeCode;
import de.eakte.core.catalogue.CaseTypeDirectory;
import de.eakte.core.citizens.Address;
import de.eakte.core.citizens.CitizenFile;
import de.eakte.core.citizens.IdNr;
import de.eakte.core.citizens.MasterData;
import de.eakte.core.citizens.OpenCitizenFile;
import de.eakte.core.citizens.Postcode;
import de.eakte.core.crypto.FieldSealer;
import de.eakte.core.shared.Actor;
import de.eakte.core.shared.CaseId;
import de.eakte.core.shared.CitizenId;
import de.eakte.core.shared.DomainRuleViolation;
import de.eakte.core.shared.InvalidValueException;
import de.eakte.core.shared.OfficeCode;
import de.eakte.core.shared.Role;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.Repository;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.authentication.AbstractOAuth2TokenAuthenticationToken;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The bench's bulk path for large data sets ({@code --bulk}, docs/BENCHMARKS.md): opens a batch of
 * citizens' files, or of cases, in one transaction per request, where the API takes one
 * transaction, one HTTP request and one command-bus dispatch per file or case.
 * <p>
 * Each item runs the real command handler (the {@link CitizenFile} or {@link Case} constructor,
 * with its validation) with the server's own beans (field sealer and data keys, case types, file
 * references, citizen registry, clock), created through the aggregate's real repository inside a
 * unit of work of its own that carries the command message with the metadata {@code Commands}
 * gives it (actor, correlation id) and the server's correlation data providers: so every event
 * has the aggregate type, identifier, sequence number and metadata the API's path gives it, and
 * the data keys and file references are written beside it as there. What it leaves out is HTTP
 * and JSON per item, the command bus's dispatch and a commit per item: the items' units of work
 * are nested in one per request, whose transaction appends all their events in one batch.
 * <p>
 * Only the fields the bench sends are taken (no birth name, confidentiality or deadline: the
 * defaults apply, as over the API when they are left out). The caller must be staff; its token
 * is the actor of every item, so a batch of cases comes from one office, as the command handler
 * checks per case. One bad item refuses the whole batch with the API's problem answer.
 */
@RestController
@RequestMapping("/bench/bulk")
public class BulkDataController {

    /** Also keeps a request under the server's body limit ({@code eakte.http.max-request-bytes}, 256 KiB). */
    static final int MAX_BATCH = 1_000;

    // the metadata keys of de.eakte.api.config.AxonConfiguration, as de.eakte.api.web.Commands sets them
    private static final String ACTOR_SUBJECT = "actorSubject";
    private static final String ACTOR_ROLE = "actorRole";
    private static final String ACTOR_OFFICE = "actorOffice";
    private static final String CORRELATION_ID = "correlationId";
    private static final String OFFICE_CLAIM = "office";

    private final org.axonframework.config.Configuration axon;
    private final TransactionManager transactions;
    private final Clock clock;
    private final FieldSealer sealer;
    private final CaseTypeDirectory caseTypes;
    private final CitizenRegistry citizens;
    private final FileReferenceAllocator references;

    public BulkDataController(org.axonframework.config.Configuration axon, TransactionManager transactions, Clock clock,
                              FieldSealer sealer, CaseTypeDirectory caseTypes, CitizenRegistry citizens,
                              FileReferenceAllocator references) {
        this.axon = axon;
        this.transactions = transactions;
        this.clock = clock;
        this.sealer = sealer;
        this.caseTypes = caseTypes;
        this.citizens = citizens;
        this.references = references;
    }

    /** One citizen as {@code POST /api/citizens} takes it (without a birth name). */
    public record CitizenItem(String familyName, String givenNames, String dateOfBirth, String placeOfBirth,
                              String idNr, String street, String houseNumber, String postcode, String city) {
    }

    /** One case as {@code POST /api/citizens/{citizenId}/cases} takes it (type defaults apply). */
    public record CaseItem(String citizenId, String caseType, String subject) {
    }

    public record CitizenBatch(List<CitizenItem> citizens) {
    }

    public record CaseBatch(List<CaseItem> cases) {
    }

    /** The ids created, in the order of the items. */
    public record Created(List<String> ids) {
    }

    @PostMapping(value = "/citizens", produces = "application/json")
    public Created openCitizenFiles(@RequestBody CitizenBatch batch, Authentication authentication) throws Exception {
        Actor actor = staffActor(authentication);
        List<OpenCitizenFile> commands = new ArrayList<>();
        for (CitizenItem item : sized(batch == null ? null : batch.citizens())) {
            MasterData masterData = new MasterData(item.familyName(), item.givenNames(), null,
                    date("dateOfBirth", item.dateOfBirth()), item.placeOfBirth(),
                    item.idNr() == null || item.idNr().isBlank() ? null : new IdNr(item.idNr().trim()));
            Address address = new Address(item.street(), item.houseNumber(), new Postcode(item.postcode()), item.city());
            commands.add(new OpenCitizenFile(CitizenId.random(), masterData, address, actor));
        }
        Repository<CitizenFile> files = axon.repository(CitizenFile.class);
        inOneTransaction(actor, commands, command -> files.newInstance(() -> new CitizenFile(command, clock, sealer)));
        return new Created(commands.stream().map(c -> c.citizenId().toString()).toList());
    }

    @PostMapping(value = "/cases", produces = "application/json")
    public Created openCases(@RequestBody CaseBatch batch, Authentication authentication) throws Exception {
        Actor actor = staffActor(authentication);
        List<OpenCase> commands = new ArrayList<>();
        for (CaseItem item : sized(batch == null ? null : batch.cases())) {
            commands.add(new OpenCase(CaseId.random(), CitizenId.of(item.citizenId()), new CaseTypeCode(item.caseType()),
                    item.subject(), null, null, actor));
        }
        // A case's data key locks its citizen's key row until the commit (JdbcDataKeys): in one order
        // of citizens, concurrent batches wait for each other instead of deadlocking. The sort is
        // stable, so a citizen's cases keep their order within the batch.
        List<OpenCase> inLockOrder = new ArrayList<>(commands);
        inLockOrder.sort(Comparator.comparing(c -> c.citizenId().value()));
        Repository<Case> cases = axon.repository(Case.class);
        inOneTransaction(actor, inLockOrder, command -> cases.newInstance(
                () -> new Case(command, caseTypes, clock, citizens, references, sealer)));
        return new Created(commands.stream().map(c -> c.caseId().toString()).toList());
    }

    /** Creates one aggregate from its command, inside the command's unit of work. */
    @FunctionalInterface
    interface Creation<C> {
        void create(C command) throws Exception;
    }

    /**
     * One transaction for the batch (attached to an outer unit of work, as the command bus attaches
     * one per command); per command a nested unit of work on the command message, with the
     * server's correlation data providers registered as the command bus's interceptor registers
     * them, so the events' metadata come from Axon's own code. The nested units of work hand
     * their events to the outer one, which appends them all when it commits.
     */
    private <C> void inOneTransaction(Actor actor, List<C> commands, Creation<C> creation) throws Exception {
        List<CorrelationDataProvider> providers = axon.correlationDataProviders();
        DefaultUnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(null);
        try {
            batch.attachTransaction(transactions);
            for (C command : commands) {
                CommandMessage<C> message = GenericCommandMessage.<C>asCommandMessage(command).andMetaData(metaData(actor));
                DefaultUnitOfWork<CommandMessage<C>> one = DefaultUnitOfWork.startAndGet(message);
                providers.forEach(one::registerCorrelationDataProvider);
                ResultMessage<Object> result = one.executeWithResult(() -> {
                    creation.create(command);
                    return null;
                });
                if (result.isExceptional()) {
                    Throwable failure = result.exceptionResult();
                    if (failure instanceof Error error) {
                        throw error;
                    }
                    throw (Exception) failure;
                }
            }
            batch.commit();
        } catch (Exception | Error e) {
            if (batch.isActive()) {
                batch.rollback(e);
            }
            throw e;
        }
    }

    /** The command's metadata as {@code de.eakte.api.web.Commands#send} sets it; a correlation id per item, as per request. */
    private static MetaData metaData(Actor actor) {
        Map<String, Object> meta = new HashMap<>();
        meta.put(ACTOR_SUBJECT, actor.subject());
        meta.put(ACTOR_ROLE, actor.role().claimValue());
        if (actor.office() != null) {
            meta.put(ACTOR_OFFICE, actor.office().value());
        }
        meta.put(CORRELATION_ID, UUID.randomUUID().toString());
        return MetaData.from(meta);
    }

    /** The acting staff member, as {@code JwtCallers.staffActor} reads it; the chain has verified the token. */
    private static Actor staffActor(Authentication authentication) {
        boolean staff = authentication != null && authentication.getAuthorities().stream()
                .anyMatch(a -> a.getAuthority().equals("ROLE_" + Role.STAFF.claimValue()));
        if (!staff || !(authentication instanceof AbstractOAuth2TokenAuthenticationToken<?> token)) {
            throw DomainRuleViolation.forbidden("staff-only", "only staff of an office keep citizens' files");
        }
        return Actor.staff(token.getName(), new OfficeCode(String.valueOf(token.getTokenAttributes().get(OFFICE_CLAIM))));
    }

    private static <T> List<T> sized(List<T> items) {
        if (items == null || items.isEmpty() || items.size() > MAX_BATCH) {
            throw new InvalidValueException("items", "batch-size", "a batch holds 1 to " + MAX_BATCH + " items");
        }
        return items;
    }

    private static LocalDate date(String field, String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException | NullPointerException e) {
            throw new InvalidValueException(field, "date", field + " must be a date such as 1961-04-23");
        }
    }
}
