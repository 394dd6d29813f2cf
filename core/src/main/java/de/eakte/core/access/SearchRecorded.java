package de.eakte.core.access;

import de.eakte.core.shared.OfficeCode;
import de.eakte.core.shared.Role;
import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.UUID;

/**
 * A fact that a staff member searched citizens or cases (a group query, BMG § 40 / NWRG § 16):
 * with which criteria, for which purpose, decided how, and how many hits the answer showed.
 * Stored together with the access entries of the citizens shown, before the answer left.
 */
@Revision("1")
public record SearchRecorded(UUID searchId, Instant at, Role actorRole, String actorSubject, OfficeCode actorOffice,
                             SearchScope scope, String criteria, AccessOutcome outcome, String rule, int hitCount,
                             String purpose, String legalBasis, String reason, String correlationId) {

    public static SearchRecorded of(SearchRecord r) {
        return new SearchRecorded(r.searchId(), r.at(), r.actor().role(), r.actor().subject(), r.actor().office(),
                r.scope(), r.criteria(), r.outcome(), r.rule(), r.hitCount(), r.purpose(), r.legalBasis(), r.reason(),
                r.correlationId());
    }
}
