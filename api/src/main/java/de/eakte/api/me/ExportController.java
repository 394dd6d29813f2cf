package de.eakte.api.me;

import de.eakte.api.access.CitizenDataReads;
import de.eakte.api.cases.CaseResponses;
import de.eakte.api.citizens.CitizenResponses;
import de.eakte.api.erasure.ErasedFiles;
import de.eakte.api.security.JwtCallers;
import de.eakte.api.web.HttpEdgeFilter;
import de.eakte.api.web.NotFoundException;
import de.eakte.audit.log.CitizenAccessLogProjection;
import de.eakte.core.access.Channel;
import de.eakte.core.catalogue.CaseType;
import de.eakte.core.catalogue.CaseTypeDirectory;
import de.eakte.core.catalogue.Office;
import de.eakte.core.catalogue.OfficeDirectory;
import de.eakte.core.file.GetCase;
import de.eakte.core.file.GetConsolidatedFile;
import de.eakte.core.shared.CitizenId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * GDPR Art. 15: everything held about the citizen in one JSON document — master data and address
 * history, every case with the entries visible to them and its retention, the access log with
 * purposes and legal bases. The export is a read like any other: it is decided and recorded
 * (channel EXPORT) before the document is built.
 */
@RestController
@Tag(name = "me", description = "A citizen's own file, with a citizen token")
@SecurityRequirement(name = "bearer")
public class ExportController {

    private final CitizenDataReads reads;
    private final CitizenAccessLogProjection accessLog;
    private final CaseTypeDirectory caseTypes;
    private final OfficeDirectory offices;
    private final ErasedFiles erased;
    private final Clock clock;

    public ExportController(CitizenDataReads reads, CitizenAccessLogProjection accessLog, CaseTypeDirectory caseTypes,
                            OfficeDirectory offices, ErasedFiles erased, Clock clock) {
        this.reads = reads;
        this.accessLog = accessLog;
        this.caseTypes = caseTypes;
        this.offices = offices;
        this.erased = erased;
        this.clock = clock;
    }

    public record Export(Instant exportedAt, String legalBasis, Person person, List<ExportedCase> cases,
                         List<Access> accessLog, List<PurposeUsed> purposes, String controller) {
    }

    public record Person(String citizenId, String familyName, String givenNames, String birthName,
                         LocalDate dateOfBirth, String placeOfBirth, String idNr, CitizenResponses.AddressView address,
                         List<CitizenResponses.AddressHistoryEntry> addressHistory, Instant fileOpenedAt) {
    }

    public record Retention(Integer years, String rule, String legalBasis, LocalDate endsOn, String disposal) {
    }

    public record ExportedCase(String fileReference, String office, String officeName, String caseType,
                               String caseTypeName, String subject, String status, LocalDate deadline,
                               Instant openedAt, Instant closedAt, Retention retention,
                               List<CaseResponses.EntryView> entries) {
    }

    public record Access(String referenceNumber, Instant at, String office, String actorRole, String purpose,
                         String legalBasis, List<String> categories, String outcome, boolean breakGlass,
                         String channel, List<String> fileReferences) {
    }

    public record PurposeUsed(String purpose, String legalBasis, long uses) {
    }

    @GetMapping("/api/me/export")
    @Operation(summary = "Everything held about me (GDPR Art. 15)", description = "Master data, address history, "
            + "all cases with the entries visible to me and their retention periods, and my whole access log with "
            + "purposes and legal bases, as one JSON document. The export itself is recorded in the access log.")
    public ResponseEntity<Export> export(Authentication auth, HttpServletRequest request) {
        CitizenDataReads.Caller caller = JwtCallers.caller(auth);
        CitizenId citizenId = caller.citizenClaim();
        CitizenDataReads.CitizenView view = reads.citizenView(caller, HttpEdgeFilter.correlationId(request), Channel.EXPORT)
                .orElseThrow(() -> erased.goneOr(citizenId, new NotFoundException("Your file is not known (yet)")));
        List<Access> accesses = new ArrayList<>();
        Map<String, PurposeUsed> purposes = new LinkedHashMap<>();
        String cursor = null;
        do {
            CitizenAccessLogProjection.Page page = accessLog.page(citizenId, null, null, null, cursor,
                    CitizenAccessLogProjection.MAX_LIMIT);
            for (CitizenAccessLogProjection.Entry e : page.entries()) {
                accesses.add(new Access(e.referenceNumber(), e.at(), e.office() == null ? null : e.office().value(),
                        e.actorRole().name(), e.purpose(), e.legalBasis(), e.categories().stream().map(Enum::name).toList(),
                        e.outcome().name(), e.breakGlass(), e.channel().name(),
                        e.fileReferences().stream().map(Object::toString).toList()));
                if (e.purpose() != null) {
                    purposes.merge(e.purpose() + "|" + e.legalBasis(), new PurposeUsed(e.purpose(), e.legalBasis(), 1),
                            (a, b) -> new PurposeUsed(a.purpose(), a.legalBasis(), a.uses() + 1));
                }
            }
            cursor = page.nextCursor();
        } while (cursor != null);
        Export export = new Export(clock.instant(), "GDPR Art. 15", person(view.citizen()),
                view.cases().stream().map(this::exported).toList(), accesses, List.copyOf(purposes.values()),
                "Stadtverwaltung (controller); questions to the data-protection officer quote an access's reference number");
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"eakte-export.json\"")
                .body(export);
    }

    private static Person person(GetConsolidatedFile.Citizen c) {
        var m = c.masterData();
        return new Person(c.citizenId().toString(), m.familyName(), m.givenNames(), m.birthName(), m.dateOfBirth(),
                m.placeOfBirth(), m.idNr() == null ? null : m.idNr().value(), address(c.address()),
                c.addressHistory().stream().map(h -> new CitizenResponses.AddressHistoryEntry(address(h.address()),
                        h.movedOn())).toList(), c.openedAt());
    }

    private static CitizenResponses.AddressView address(de.eakte.core.citizens.Address a) {
        return new CitizenResponses.AddressView(a.street(), a.houseNumber(), a.postcode().value(), a.city());
    }

    private ExportedCase exported(GetCase.Result c) {
        GetConsolidatedFile.CaseSummary s = c.summary();
        Optional<CaseType> type = caseTypes.caseType(s.caseType());
        Retention retention = new Retention(type.map(CaseType::retentionYears).orElse(null),
                type.map(t -> t.retentionYears() + " years from the end of the year the case is closed").orElse(null),
                type.map(CaseType::retentionBasis).orElse(null), s.retentionEndsOn(), c.disposal().name());
        return new ExportedCase(s.fileReference().toString(), s.office().value(),
                offices.office(s.office()).map(Office::name).orElse(null), s.caseType().value(),
                type.map(CaseType::name).orElse(null), s.subject(), s.status().name(), s.deadline(), s.openedAt(),
                s.closedAt(), retention, CaseResponses.CaseView.entries(c));
    }
}
