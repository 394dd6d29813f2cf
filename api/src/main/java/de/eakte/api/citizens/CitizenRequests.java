package de.eakte.api.citizens;

import de.eakte.api.web.Requests;
import de.eakte.core.citizens.Address;
import de.eakte.core.citizens.IdNr;
import de.eakte.core.citizens.MasterData;
import de.eakte.core.citizens.Postcode;
import de.eakte.core.shared.InvalidValueException;
import io.swagger.v3.oas.annotations.media.Schema;

/** Request bodies of the citizen endpoints: plain text in, typed values out. */
public final class CitizenRequests {

    private CitizenRequests() {
    }

    public record AddressRequest(
            @Schema(example = "Hauptstraße") String street,
            @Schema(example = "12a") String houseNumber,
            @Schema(example = "04109") String postcode,
            @Schema(example = "Leipzig") String city) {

        Address toAddress() {
            Postcode code;
            try {
                code = new Postcode(postcode);
            } catch (InvalidValueException e) {
                throw new InvalidValueException("address.postcode", e.rule(), "address." + e.getMessage());
            }
            return new Address(street, houseNumber, code, city);
        }
    }

    public record MasterDataRequest(
            @Schema(example = "Meyer") String familyName,
            @Schema(example = "Jürgen") String givenNames,
            @Schema(example = "Schulze", nullable = true) String birthName,
            @Schema(example = "1961-04-23", format = "date") String dateOfBirth,
            @Schema(example = "Dresden") String placeOfBirth,
            @Schema(example = "86095742719", nullable = true, description = "11 digits, ISO 7064 MOD 11,10 check digit") String idNr) {

        MasterData toMasterData() {
            return new MasterData(familyName, givenNames, birthName, Requests.date("dateOfBirth", dateOfBirth),
                    placeOfBirth, idNr == null || idNr.isBlank() ? null : new IdNr(idNr.trim()));
        }
    }

    public record OpenCitizenFileRequest(
            @Schema(example = "Meyer") String familyName,
            @Schema(example = "Jürgen") String givenNames,
            @Schema(example = "Schulze", nullable = true) String birthName,
            @Schema(example = "1961-04-23", format = "date") String dateOfBirth,
            @Schema(example = "Dresden") String placeOfBirth,
            @Schema(example = "86095742719", nullable = true) String idNr,
            AddressRequest address) {

        MasterData toMasterData() {
            return new MasterDataRequest(familyName, givenNames, birthName, dateOfBirth, placeOfBirth, idNr)
                    .toMasterData();
        }

        Address toAddress() {
            return Requests.required("address", address).toAddress();
        }
    }

    public record MoveRequest(AddressRequest address,
                              @Schema(example = "2026-11-01", format = "date") String movedOn) {

        Address toAddress() {
            return Requests.required("address", address).toAddress();
        }
    }

    public record OpenCaseRequest(
            @Schema(example = "identity-card") String caseType,
            @Schema(example = "Antrag auf Personalausweis") String subject,
            @Schema(example = "NORMAL", nullable = true, allowableValues = {"NORMAL", "CONFIDENTIAL", "STRICTLY_CONFIDENTIAL"}) String confidentiality,
            @Schema(example = "2026-12-15", format = "date", nullable = true, description = "default: today + the case type's target days") String deadline) {
    }

    public record BlockRequest(
            @Schema(example = "BLOCK", allowableValues = {"BLOCK", "CONDITIONAL"}) String kind) {
    }
}
