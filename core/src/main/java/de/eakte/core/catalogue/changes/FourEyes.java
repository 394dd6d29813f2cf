package de.eakte.core.catalogue.changes;

import de.eakte.core.shared.Actor;
import de.eakte.core.shared.DomainRuleViolation;
import de.eakte.core.shared.Fingerprints;
import de.eakte.core.shared.Role;

/**
 * The rules every catalogue change shares: who may act, and that the admin who decides is not the
 * one who proposed. Of the proposer an aggregate keeps only a fingerprint, enough to recognise
 * them again, not to name them.
 */
final class FourEyes {

    private FourEyes() {
    }

    static void requireRole(Actor actor, Role role, String rule, String message) {
        if (actor == null || actor.role() != role) {
            throw DomainRuleViolation.forbidden(rule, message);
        }
    }

    /** The deciding admin is not the proposer; an unknown proposer fails closed. */
    static void requireSecondAdmin(Object changeId, String proposerFingerprint, Actor actor) {
        requireRole(actor, Role.ADMIN, "admin-only", "only an admin decides catalogue changes");
        // an unknown proposer fails closed: nobody can show they are someone else
        if (proposerFingerprint == null || proposerFingerprint.equals(fingerprint(changeId, actor))) {
            throw DomainRuleViolation.forbidden("four-eyes",
                    "a change is decided by an admin other than the one who proposed it");
        }
    }

    static void requirePending(PurposeChangeStatus status) {
        if (status != PurposeChangeStatus.PENDING) {
            throw DomainRuleViolation.conflict("change-not-pending", "the change is already " + status);
        }
    }

    /**
     * SHA-256 over change id and subject: salted with the change id, so the same admin has a
     * different fingerprint on every change.
     */
    static String fingerprint(Object changeId, Actor actor) {
        return Fingerprints.of(changeId, actor);
    }
}
