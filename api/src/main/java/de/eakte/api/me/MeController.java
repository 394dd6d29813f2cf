package de.eakte.api.me;

import de.eakte.api.access.CitizenDataReads;
import de.eakte.api.cases.CaseResponses;
import de.eakte.api.citizens.CitizenResponses;
import de.eakte.api.security.JwtCallers;
import de.eakte.api.web.HttpEdgeFilter;
import de.eakte.api.erasure.ErasedFiles;
import de.eakte.api.web.NotFoundException;
import de.eakte.core.cases.FileReference;
import de.eakte.core.file.GetCase;
import de.eakte.core.file.GetConsolidatedFile;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The citizen's own view (GDPR Art. 15): their master data, every case with status, deadline and
 * overdue flag, and the entries marked visible to them, never internal notes. The token's
 * citizen claim names the file; no id parameter can point elsewhere.
 */
@RestController
@RequestMapping("/api/me")
@Tag(name = "me", description = "A citizen's own file, with a citizen token")
@SecurityRequirement(name = "bearer")
public class MeController {

    private final CitizenDataReads reads;
    private final ErasedFiles erased;

    public MeController(CitizenDataReads reads, ErasedFiles erased) {
        this.reads = reads;
        this.erased = erased;
    }

    public record MyCase(String fileReference, String office, String caseType, String subject, String status,
                         LocalDate deadline, boolean overdue, Instant openedAt, Instant closedAt,
                         LocalDate retentionEndsOn, List<CaseResponses.EntryView> entries) {

        static MyCase of(GetCase.Result c) {
            GetConsolidatedFile.CaseSummary s = c.summary();
            return new MyCase(s.fileReference().toString(), s.office().value(), s.caseType().value(), s.subject(),
                    s.status().name(), s.deadline(), s.overdue(), s.openedAt(), s.closedAt(), s.retentionEndsOn(),
                    CaseResponses.CaseView.entries(c));
        }
    }

    public record MyFile(String citizenId, String familyName, String givenNames, String birthName,
                         LocalDate dateOfBirth, String placeOfBirth, String idNr, CitizenResponses.AddressView address,
                         List<CitizenResponses.AddressHistoryEntry> addressHistory, List<MyCase> cases) {
    }

    @GetMapping("/file")
    @Operation(summary = "My file", description = "Master data, address history, all my cases and the entries visible to me.")
    public MyFile file(Authentication auth, HttpServletRequest request) {
        CitizenDataReads.CitizenView view = read(auth, request);
        var c = view.citizen();
        var m = c.masterData();
        return new MyFile(c.citizenId().toString(), m.familyName(), m.givenNames(), m.birthName(), m.dateOfBirth(),
                m.placeOfBirth(), m.idNr() == null ? null : m.idNr().value(),
                new CitizenResponses.AddressView(c.address().street(), c.address().houseNumber(),
                        c.address().postcode().value(), c.address().city()),
                c.addressHistory().stream().map(h -> new CitizenResponses.AddressHistoryEntry(
                        new CitizenResponses.AddressView(h.address().street(), h.address().houseNumber(),
                                h.address().postcode().value(), h.address().city()), h.movedOn())).toList(),
                view.cases().stream().map(MyCase::of).toList());
    }

    @GetMapping("/cases/{fileReference}")
    @Operation(summary = "One of my cases by its file reference (my tracking number)",
            description = "404 if the reference is not one of my cases.")
    public MyCase myCase(@PathVariable String fileReference, Authentication auth, HttpServletRequest request) {
        FileReference reference = FileReference.parse(fileReference);
        return reads.citizenCase(JwtCallers.caller(auth), reference, HttpEdgeFilter.correlationId(request))
                .map(MyCase::of)
                .orElseThrow(() -> new NotFoundException("No case " + fileReference + " in your file"));
    }

    private CitizenDataReads.CitizenView read(Authentication auth, HttpServletRequest request) {
        CitizenDataReads.Caller caller = JwtCallers.caller(auth);
        return reads.citizenView(caller, HttpEdgeFilter.correlationId(request))
                .orElseThrow(() -> erased.goneOr(caller.citizenClaim(), new NotFoundException("Your file is not known (yet)")));
    }
}
