package de.eakte.api.citizens;

import de.eakte.api.access.CitizenDataReads;
import de.eakte.core.access.DataCategory;
import de.eakte.core.access.policy.AccessDecision;
import de.eakte.core.citizens.Address;
import de.eakte.core.file.GetConsolidatedFile;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Response bodies of the citizen endpoints. */
public final class CitizenResponses {

    private CitizenResponses() {
    }

    public record Created(String citizenId, long version) {
    }

    public record Changed(String citizenId, long version) {
    }

    public record AddressView(String street, String houseNumber, String postcode, String city) {
        static AddressView of(Address a) {
            return new AddressView(a.street(), a.houseNumber(), a.postcode().value(), a.city());
        }
    }

    public record AddressHistoryEntry(AddressView address, LocalDate movedOn) {
    }

    public record CitizenView(String citizenId, String familyName, String givenNames, String birthName,
                              LocalDate dateOfBirth, String placeOfBirth, String idNr, AddressView address,
                              LocalDate movedOn, List<AddressHistoryEntry> addressHistory, Instant openedAt,
                              long version) {
    }

    public record CaseSummaryView(String caseId, String fileReference, String office, String caseType,
                                  String subject, String confidentiality, String status, LocalDate deadline,
                                  boolean overdue, int entryCount, Instant openedAt, Instant closedAt,
                                  LocalDate retentionEndsOn, long version) {

        public static CaseSummaryView of(GetConsolidatedFile.CaseSummary s) {
            return new CaseSummaryView(s.caseId().toString(), s.fileReference().toString(), s.office().value(),
                    s.caseType().value(), s.subject(), s.confidentiality().name(), s.status().name(), s.deadline(),
                    s.overdue(), s.entryCount(), s.openedAt(), s.closedAt(), s.retentionEndsOn(), s.version());
        }
    }

    /** How the read was decided: outcome, rule, purpose and the data categories asked for but not granted. */
    public record AccessView(String outcome, String rule, String purpose, String legalBasis, List<String> notGranted) {

        public static AccessView of(AccessDecision d) {
            return new AccessView(d.outcome().name(), d.rule(), d.purpose() == null ? null : d.purpose().code().value(),
                    d.purpose() == null ? null : d.purpose().legalBasis(),
                    d.notGranted().stream().map(Enum::name).toList());
        }
    }

    /** Master data is present only if granted; addressHistory is null unless ADDRESS_HISTORY was granted. */
    public record ConsolidatedFile(CitizenView citizen, List<CaseSummaryView> cases, AccessView access) {

        static ConsolidatedFile of(CitizenDataReads.FileRead read) {
            GetConsolidatedFile.Result r = read.file();
            AccessDecision d = read.decision();
            GetConsolidatedFile.Citizen c = r.citizen();
            var m = c.masterData();
            CitizenView citizen = !d.granted().contains(DataCategory.MASTER_DATA) ? null
                    : new CitizenView(c.citizenId().toString(), m.familyName(), m.givenNames(),
                    m.birthName(), m.dateOfBirth(), m.placeOfBirth(), m.idNr() == null ? null : m.idNr().value(),
                    AddressView.of(c.address()), c.movedOn(),
                    !d.granted().contains(DataCategory.ADDRESS_HISTORY) ? null : c.addressHistory().stream()
                            .map(h -> new AddressHistoryEntry(AddressView.of(h.address()), h.movedOn())).toList(),
                    c.openedAt(), c.version());
            return new ConsolidatedFile(citizen, r.cases().stream().map(CaseSummaryView::of).toList(), AccessView.of(d));
        }
    }
}
