package de.eakte.api.storage;

import de.eakte.core.cases.CaseOpened;
import de.eakte.core.cases.EntryAdded;
import de.eakte.core.citizens.CitizenFileOpened;
import de.eakte.core.citizens.CitizenMoved;
import de.eakte.core.citizens.MasterDataCorrected;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Refuses to start on a store that a pre-release build wrote with personal data in plain text
 * (revision 1 of the personal events). There is no upcaster by design: an upcaster could seal
 * them on reading, but the plaintext rows would stay in the store and could never be erased.
 * Runs while the context is built, before any event processor starts.
 */
public class PreReleaseEventsCheck implements InitializingBean {

    static final java.util.List<String> SEALED_SINCE_REVISION_2 = java.util.List.of(
            CitizenFileOpened.class.getName(), MasterDataCorrected.class.getName(), CitizenMoved.class.getName(),
            CaseOpened.class.getName(), EntryAdded.class.getName());

    private final JdbcTemplate jdbc;

    public PreReleaseEventsCheck(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void afterPropertiesSet() {
        Long count = jdbc.queryForObject("SELECT COUNT(*) FROM domain_event_entry WHERE payload_revision = '1' "
                + "AND payload_type IN (?, ?, ?, ?, ?)", Long.class, SEALED_SINCE_REVISION_2.toArray());
        if (count != null && count > 0) {
            throw new PreReleaseEventsException(count);
        }
    }
}
