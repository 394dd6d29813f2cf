package de.eakte.core.access;

import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A fact that the data-protection officer read staff searches with their criteria (personal data
 * typed by staff): who, when, with which filters (in a canonical text form) and which searches the
 * answer showed. Stored before the answer left.
 */
@Revision("1")
public record SearchLogRead(UUID readId, Instant at, String dpoSubject, String filters, List<UUID> searchIds) {

    public SearchLogRead {
        searchIds = List.copyOf(searchIds);
    }
}
