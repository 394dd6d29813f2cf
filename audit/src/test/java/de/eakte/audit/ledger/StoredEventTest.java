package de.eakte.audit.ledger;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;

class StoredEventTest {

    private static StoredEvent event(String payload, String metaData) {
        return new StoredEvent(7, "e-1", "a-1", 3, "Case", "2026-11-21T10:00:00Z", "de.eakte.X", "2",
                payload.getBytes(StandardCharsets.UTF_8), metaData == null ? null : metaData.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void canonicalBytesAreLengthPrefixedFieldsInTheDocumentedOrder() {
        byte[] bytes = event("{}", null).canonicalBytes();
        String hex = HexFormat.of().formatHex(bytes);
        assertThat(hex).isEqualTo(
                "00000003" + "652d31"                                   // event identifier
                + "00000003" + "612d31"                                 // aggregate identifier
                + "0000000000000003"                                    // sequence number
                + "00000004" + "43617365"                               // aggregate type
                + "00000014" + HexFormat.of().formatHex("2026-11-21T10:00:00Z".getBytes(StandardCharsets.UTF_8))
                + "0000000a" + HexFormat.of().formatHex("de.eakte.X".getBytes(StandardCharsets.UTF_8))
                + "00000001" + "32"                                     // revision
                + "00000002" + "7b7d"                                   // payload
                + "ffffffff");                                          // no metadata
    }

    @Test
    void leafHashIsSha256OfZeroPrefixAndInput() {
        // RFC 6962 test vector: the hash of an empty leaf
        assertThat(HexFormat.of().formatHex(StoredEvent.leafHash(new byte[0])))
                .isEqualTo("6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d");
    }

    @Test
    void everyStoredFieldChangesTheLeaf() {
        byte[] honest = event("{\"a\":1}", "{}").leafHash();
        assertThat(event("{\"a\":2}", "{}").leafHash()).isNotEqualTo(honest);
        assertThat(event("{\"a\":1}", "{ }").leafHash()).isNotEqualTo(honest);
        assertThat(event("{\"a\":1}", null).leafHash()).isNotEqualTo(honest);
        StoredEvent other = new StoredEvent(8, "e-1", "a-1", 4, "Case", "2026-11-21T10:00:00Z", "de.eakte.X", "2",
                "{\"a\":1}".getBytes(StandardCharsets.UTF_8), "{}".getBytes(StandardCharsets.UTF_8));
        assertThat(other.leafHash()).isNotEqualTo(honest);
    }

    @Test
    void theGlobalIndexIsNotPartOfTheLeaf() {
        StoredEvent moved = new StoredEvent(99, "e-1", "a-1", 3, "Case", "2026-11-21T10:00:00Z", "de.eakte.X", "2",
                "{}".getBytes(StandardCharsets.UTF_8), null);
        assertThat(moved.leafHash()).isEqualTo(event("{}", null).leafHash());
    }
}
