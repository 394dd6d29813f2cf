package de.eakte.api.search;

import de.eakte.api.access.CitizenDataReads;
import de.eakte.projections.search.SearchQueries.CaseRow;
import de.eakte.projections.search.SearchQueries.CitizenRow;
import io.swagger.v3.oas.annotations.media.Schema;

import java.time.LocalDate;
import java.util.List;

/** What a search answers: only what identifies a citizen, and what the caller may see of cases. */
public final class SearchResponses {

    private SearchResponses() {
    }

    public record CitizenHit(
            String citizenId, String familyName, String givenNames, String birthName, LocalDate dateOfBirth, String city,
            @Schema(description = "File references of the citizen's cases the caller may see") List<String> fileReferences,
            @Schema(description = "How the weakest word matched: EXACT, NORMALISED (umlauts, ß, accents), PHONETIC "
                    + "(Kölner Phonetik) or FUZZY (one typo); hits are ranked in this order") String match) {

        static CitizenHit of(CitizenDataReads.CitizenHit hit) {
            CitizenRow r = hit.row();
            return new CitizenHit(r.citizenId().toString(), r.familyName(), r.givenNames(), r.birthName(), r.dateOfBirth(),
                    r.city(), hit.fileReferences(), r.match().name());
        }
    }

    public record CitizenSearchResult(List<CitizenHit> hits, String nextCursor) {
        static CitizenSearchResult of(CitizenDataReads.SearchPage<CitizenDataReads.CitizenHit> page) {
            return new CitizenSearchResult(page.hits().stream().map(CitizenHit::of).toList(), page.nextCursor());
        }
    }

    /** The citizen of a case hit; absent where the decision grants no master data. */
    public record CaseCitizen(String citizenId, String familyName, String givenNames, String birthName,
                              LocalDate dateOfBirth, String city) {
    }

    public record CaseHit(String caseId, String fileReference, String office, String caseType, String status,
                          LocalDate deadline, boolean overdue, LocalDate openedOn, LocalDate closedOn, CaseCitizen citizen) {

        static CaseHit of(CitizenDataReads.CaseHit hit) {
            CaseRow r = hit.row();
            CaseCitizen citizen = hit.masterData() ? new CaseCitizen(r.citizenId().toString(), r.familyName(),
                    r.givenNames(), r.birthName(), r.dateOfBirth(), r.city()) : null;
            return new CaseHit(r.caseId().toString(), r.fileReference(), r.office().value(), r.caseType(),
                    r.status().name(), r.deadline(), r.overdue(), r.openedOn(), r.closedOn(), citizen);
        }
    }

    public record CaseSearchResult(List<CaseHit> hits, String nextCursor) {
        static CaseSearchResult of(CitizenDataReads.SearchPage<CitizenDataReads.CaseHit> page) {
            return new CaseSearchResult(page.hits().stream().map(CaseHit::of).toList(), page.nextCursor());
        }
    }
}
