package de.eakte.core.access;

import de.eakte.core.shared.OfficeCode;
import de.eakte.core.shared.Role;
import de.eakte.core.crypto.FieldSealer;
import de.eakte.core.crypto.KeyId;
import de.eakte.core.crypto.Sealed;
import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.UUID;

/**
 * A fact that a staff member searched citizens or cases (a group query, BMG § 40 / NWRG § 16):
 * with which criteria, for which purpose, decided how, and how many hits the answer showed.
 * Stored together with the access entries of the citizens shown, before the answer left. Actor,
 * criteria and reason are sealed under the key of the search's month and retention class.
 */
@Revision("2")
public record SearchRecorded(UUID searchId, Instant at, Role actorRole, Sealed actorSubject, OfficeCode actorOffice,
                             SearchScope scope, Sealed criteria, AccessOutcome outcome, String rule, int hitCount,
                             String purpose, String legalBasis, Sealed reason, String correlationId) {

    /** The search with the actor, the criteria (names, birth dates, IdNr typed by staff) and the reason sealed. */
    public static SearchRecorded of(SearchRecord r, FieldSealer sealer, KeyId key) {
        String id = r.searchId().toString();
        return new SearchRecorded(r.searchId(), r.at(), r.actor().role(),
                sealer.seal(key, id, AccessFields.SEARCH_ACTOR_SUBJECT, r.actor().subject()), r.actor().office(),
                r.scope(), sealer.seal(key, id, AccessFields.SEARCH_CRITERIA, r.criteria()), r.outcome(), r.rule(),
                r.hitCount(), r.purpose(), r.legalBasis(), sealer.seal(key, id, AccessFields.SEARCH_REASON, r.reason()),
                r.correlationId());
    }
}
