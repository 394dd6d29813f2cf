package de.eakte.api.search;

import de.eakte.api.access.AccessHeaders;
import de.eakte.api.access.CitizenDataReads;
import de.eakte.api.security.JwtCallers;
import de.eakte.api.web.HttpEdgeFilter;
import de.eakte.core.shared.InvalidValueException;
import de.eakte.projections.search.SearchQueries.InvalidCursorException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.Parameters;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.function.Supplier;

/**
 * Staff search on demand. Criteria travel in the body, the purpose in headers; the answer holds
 * only what identifies and is never cached.
 */
@RestController
@RequestMapping("/api/search")
@Tag(name = "search", description = "Staff search over citizens and cases (group queries, BMG § 40)")
@SecurityRequirement(name = "bearer")
public class SearchController {

    private final CitizenDataReads reads;

    public SearchController(CitizenDataReads reads) {
        this.reads = reads;
    }

    @PostMapping("/citizens")
    @Operation(summary = "Search citizens", description = "Staff only, with a stated purpose (Access-Purpose, "
            + "Access-Reason). Names match case-, umlaut- and ß-insensitively, by Kölner Phonetik and with one typo; "
            + "birth and double names count. Ranked exact, normalised, phonetic, fuzzy. Every hit passes the access "
            + "policy: citizens under an information block are not found by other offices, strictly confidential "
            + "cases of other offices are never named. The search (criteria, hit count) and one access entry per "
            + "citizen shown are recorded before the answer leaves.")
    @SearchPurposeHeaders
    public ResponseEntity<SearchResponses.CitizenSearchResult> citizens(
            @RequestBody SearchRequests.CitizenSearchRequest body, Authentication auth, HttpServletRequest request) {
        CitizenDataReads.Caller caller = JwtCallers.caller(auth);
        SearchRequests.CitizenSearchRequest b = required(body);
        AccessHeaders.Stated stated = stated(request);
        var page = cursor(() -> reads.searchCitizens(b.toCriteria(), b.canonical(), caller, stated, b.cursor(),
                b.pageSize(), HttpEdgeFilter.correlationId(request)));
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(SearchResponses.CitizenSearchResult.of(page));
    }

    @PostMapping("/cases")
    @Operation(summary = "Search cases", description = "Staff only, with a stated purpose. By file reference (also a "
            + "part), office, case type, status, overdue, opened and closed date ranges, and words of subject and "
            + "entries (German stemming). A case is shown only where the access policy lets the caller see its "
            + "summary; one found by words of its entries only where it lets the caller see its entries. Newest first.")
    @SearchPurposeHeaders
    public ResponseEntity<SearchResponses.CaseSearchResult> cases(
            @RequestBody SearchRequests.CaseSearchRequest body, Authentication auth, HttpServletRequest request) {
        CitizenDataReads.Caller caller = JwtCallers.caller(auth);
        SearchRequests.CaseSearchRequest b = required(body);
        AccessHeaders.Stated stated = stated(request);
        var page = cursor(() -> reads.searchCases(b.toCriteria(), b.canonical(), caller, stated, b.cursor(),
                b.pageSize(), HttpEdgeFilter.correlationId(request)));
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(SearchResponses.CaseSearchResult.of(page));
    }

    private static <T> T required(T body) {
        if (body == null) {
            throw new InvalidValueException("body", "required", "the search criteria are required as a JSON body");
        }
        return body;
    }

    /** Purpose and reason as for a read; a search takes neither a file reference nor break-glass. */
    private static AccessHeaders.Stated stated(HttpServletRequest request) {
        AccessHeaders.Stated stated = AccessHeaders.read(request);
        if (stated.breakGlass() != null) {
            throw new InvalidValueException(AccessHeaders.BREAK_GLASS, "not-for-search",
                    "break-glass opens one citizen's file, not a search");
        }
        if (stated.purpose() != null && stated.purpose().fileReference() != null) {
            throw new InvalidValueException(AccessHeaders.FILE_REFERENCE, "not-for-search",
                    "a search takes the file reference as a criterion in the body");
        }
        return stated;
    }

    private static <T> T cursor(Supplier<T> search) {
        try {
            return search.get();
        } catch (InvalidCursorException e) {
            throw new InvalidValueException("cursor", "cursor", "cursor is not one this search handed out");
        }
    }

    /** The purpose headers of a search in the OpenAPI description. */
    @java.lang.annotation.Target(java.lang.annotation.ElementType.METHOD)
    @java.lang.annotation.Retention(java.lang.annotation.RetentionPolicy.RUNTIME)
    @Parameters({
            @Parameter(name = AccessHeaders.PURPOSE, in = ParameterIn.HEADER, required = true, example = "AMTSHILFE",
                    description = "Purpose code of the caller's office catalogue (GET /api/catalogue); every search needs one."),
            @Parameter(name = AccessHeaders.REASON, in = ParameterIn.HEADER, required = true,
                    example = "UTF-8''Pr%C3%BCfung%20Zust%C3%A4ndigkeit",
                    description = "Reason, at least 5 characters with 3 letters in a row; non-ASCII as RFC 8187 ext-value.")
    })
    @interface SearchPurposeHeaders {
    }
}
