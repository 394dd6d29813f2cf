package de.eakte.core.cases;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;

import static de.eakte.core.shared.RuleAssertions.assertInvalid;
import static org.assertj.core.api.Assertions.assertThat;

class DocumentMetadataTest {

    /** SHA-256 of the empty input (FIPS 180-4 test vector). */
    private static final String SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
    private static final Instant RECEIVED = Instant.parse("2026-03-09T14:30:00Z");

    @Test
    void givenCompleteMetadata_whenCreated_thenTitleIsStripped() {
        DocumentMetadata document = new DocumentMetadata("  Meldebescheinigung  ", "application/pdf", 48_213, SHA256, RECEIVED);

        assertThat(document.title()).isEqualTo("Meldebescheinigung");
        assertThat(document.mediaType()).isEqualTo("application/pdf");
        assertThat(document.sizeBytes()).isEqualTo(48_213);
        assertThat(document.sha256()).isEqualTo(SHA256);
        assertThat(document.receivedAt()).isEqualTo(RECEIVED);
    }

    @ParameterizedTest
    @ValueSource(strings = {"application/pdf", "image/jpeg", "text/plain", "image/svg+xml",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document"})
    void givenLowerCaseMediaType_whenCreated_thenAccepted(String mediaType) {
        assertThat(document("Antrag", mediaType, 1, SHA256).mediaType()).isEqualTo(mediaType);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"pdf", "application", "application/", "/pdf", "Application/PDF",
            "text/plain; charset=utf-8", "application/pdf ", "application/p df"})
    void givenOtherMediaType_whenCreated_thenRejected(String mediaType) {
        assertInvalid(() -> document("Antrag", mediaType, 1, SHA256), "document.mediaType", "media-type");
    }

    @Test
    void givenSizeAtTheBounds_whenCreated_thenAccepted() {
        assertThat(document("Antrag", "application/pdf", 0, SHA256).sizeBytes()).isZero();
        assertThat(document("Antrag", "application/pdf", DocumentMetadata.MAX_SIZE, SHA256).sizeBytes())
                .isEqualTo(2L * 1024 * 1024 * 1024);
    }

    @ParameterizedTest
    @ValueSource(longs = {-1, DocumentMetadata.MAX_SIZE + 1, Long.MAX_VALUE, Long.MIN_VALUE})
    void givenSizeOutOfRange_whenCreated_thenRejected(long size) {
        assertInvalid(() -> document("Antrag", "application/pdf", size, SHA256), "document.sizeBytes", "size-range");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {
            "E3B0C44298FC1C149AFBF4C8996FB92427AE41E4649B934CA495991B7852B855",  // upper case
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b85",   // 63 digits
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b8555", // 65 digits
            "g3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"}) // not hex
    void givenNotLowerCaseSha256Hex_whenCreated_thenRejected(String sha256) {
        assertInvalid(() -> document("Antrag", "application/pdf", 1, sha256), "document.sha256", "sha256-hex");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"  "})
    void givenNoTitle_whenCreated_thenRequired(String title) {
        assertInvalid(() -> document(title, "application/pdf", 1, SHA256), "document.title", "required");
    }

    @Test
    void givenOverlongTitle_whenCreated_thenRejected() {
        assertThat(document("t".repeat(200), "application/pdf", 1, SHA256).title()).hasSize(200);
        assertInvalid(() -> document("t".repeat(201), "application/pdf", 1, SHA256), "document.title", "max-length");
    }

    @Test
    void givenNoReceivedAt_whenCreated_thenRequired() {
        assertInvalid(() -> new DocumentMetadata("Antrag", "application/pdf", 1, SHA256, null),
                "document.receivedAt", "required");
    }

    private static DocumentMetadata document(String title, String mediaType, long size, String sha256) {
        return new DocumentMetadata(title, mediaType, size, sha256, RECEIVED);
    }
}
