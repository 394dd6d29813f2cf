package de.eakte.api.support;

import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.List;

/**
 * Reads the Axon event store table directly, so a test can see what a request left behind:
 * events of an aggregate, events of a type since a point, and their JSON payload and metadata.
 */
public final class StoredEvents {

    public static final String ACCESS_RECORDED = "de.eakte.core.access.AccessRecorded";
    public static final String CASE_OPENED = "de.eakte.core.cases.CaseOpened";
    public static final String CITIZEN_FILE_OPENED = "de.eakte.core.citizens.CitizenFileOpened";

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final JdbcTemplate jdbc;

    public StoredEvents(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Events stored for one aggregate. */
    public long count(String aggregateId) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM domain_event_entry WHERE aggregate_identifier = ?",
                Long.class, aggregateId);
    }

    /** All events stored so far; a mark to compare against after a request. */
    public long total() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM domain_event_entry", Long.class);
    }

    /** The global index of the newest event (0 when there is none). */
    public long mark() {
        return jdbc.queryForObject("SELECT COALESCE(MAX(global_index), 0) FROM domain_event_entry", Long.class);
    }

    /** The payloads of the events of a type stored after a mark, oldest first. */
    public List<JsonNode> payloadsSince(long mark, String payloadType) {
        return jdbc.query("SELECT payload FROM domain_event_entry WHERE global_index > ? AND payload_type = ? "
                        + "ORDER BY global_index", (rs, i) -> JSON.readTree(rs.getBytes(1)), mark, payloadType);
    }

    public JsonNode metaData(String aggregateId, long sequence) {
        byte[] bytes = jdbc.queryForObject("SELECT meta_data FROM domain_event_entry WHERE aggregate_identifier = ? "
                + "AND sequence_number = ?", byte[].class, aggregateId, sequence);
        return JSON.readTree(bytes);
    }

    public JsonNode payload(String aggregateId, long sequence) {
        byte[] bytes = jdbc.queryForObject("SELECT payload FROM domain_event_entry WHERE aggregate_identifier = ? "
                + "AND sequence_number = ?", byte[].class, aggregateId, sequence);
        return JSON.readTree(bytes);
    }
}
