package de.eakte.api.cases;

import de.eakte.api.web.Requests;
import de.eakte.core.cases.DocumentMetadata;
import io.swagger.v3.oas.annotations.media.Schema;

/** Request bodies of the case endpoints. */
public final class CaseRequests {

    private CaseRequests() {
    }

    public record DocumentRequest(
            @Schema(example = "Antrag Personalausweis.pdf") String title,
            @Schema(example = "application/pdf") String mediaType,
            @Schema(example = "48213") Long sizeBytes,
            @Schema(example = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08") String sha256,
            @Schema(example = "2026-11-20T08:15:00Z", format = "date-time") String receivedAt) {

        DocumentMetadata toMetadata() {
            return new DocumentMetadata(title, mediaType, Requests.required("document.sizeBytes", sizeBytes), sha256,
                    Requests.instant("document.receivedAt", receivedAt));
        }
    }

    public record EntryRequest(
            @Schema(example = "NOTE", allowableValues = {"NOTE", "INCOMING_LETTER", "OUTGOING_LETTER", "DOCUMENT"}) String kind,
            @Schema(example = "INTERNAL", allowableValues = {"INTERNAL", "CITIZEN"}) String visibility,
            @Schema(example = "Lichtbild liegt vor, Unterschrift fehlt.", nullable = true) String text,
            @Schema(nullable = true) DocumentRequest document) {
    }

    public record StatusRequest(
            @Schema(example = "IN_PROGRESS", allowableValues = {"OPEN", "IN_PROGRESS", "WAITING_FOR_CITIZEN", "DECIDED", "CLOSED"}) String status) {
    }

    public record DeadlineRequest(@Schema(example = "2026-12-31", format = "date") String deadline) {
    }

    public record LegalHoldRequest(@Schema(example = "Klageverfahren VG Köln 3 K 123/26",
            description = "one line, at most 200 characters; names the proceedings, not a person") String reason) {
    }
}
