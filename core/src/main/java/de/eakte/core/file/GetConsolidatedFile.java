package de.eakte.core.file;

import de.eakte.core.catalogue.CaseTypeCode;
import de.eakte.core.catalogue.Confidentiality;
import de.eakte.core.cases.CaseStatus;
import de.eakte.core.cases.FileReference;
import de.eakte.core.citizens.Address;
import de.eakte.core.citizens.MasterData;
import de.eakte.core.shared.CaseId;
import de.eakte.core.shared.CitizenId;
import de.eakte.core.shared.OfficeCode;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Find a citizen's consolidated file: master data, address history and every case across offices. */
public record GetConsolidatedFile(CitizenId citizenId) {

    public record Result(Citizen citizen, List<CaseSummary> cases) {
    }

    public record Citizen(CitizenId citizenId, MasterData masterData, Address address, LocalDate movedOn,
                          List<AddressRecord> addressHistory, Instant openedAt, long version) {
    }

    public record AddressRecord(Address address, LocalDate movedOn) {
    }

    public record CaseSummary(CaseId caseId, FileReference fileReference, OfficeCode office, CaseTypeCode caseType,
                              String subject, Confidentiality confidentiality, CaseStatus status,
                              LocalDate deadline, boolean overdue, int entryCount, Instant openedAt,
                              Instant closedAt, LocalDate retentionEndsOn, long version) {
    }
}
