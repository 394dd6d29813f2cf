package de.eakte.core.catalogue.changes;

import de.eakte.core.catalogue.Office;
import de.eakte.core.shared.OfficeCode;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * A fact that an admin proposed to add an office under a new number or to rename an office in
 * force, for the stated reason. Who proposed is in the event's metadata.
 */
@Revision("1")
public record OfficeChangeProposed(OfficeChangeId changeId, OfficeChangeKind kind, OfficeCode code, String name,
                                   String reason, Instant proposedAt) {

    /** The office an approval brings into force. */
    public Office toOffice() {
        return new Office(code, name);
    }
}
