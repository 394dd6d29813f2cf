package de.eakte.core.access;

import de.eakte.core.crypto.Codecs;
import de.eakte.core.crypto.PersonalField;

/**
 * The personal fields of access events, sealed under the key of their month and retention class
 * ({@code access/<class>/<yyyy-MM>}) with the access or search id as the associated aggregate id.
 * Slot ids are stable (see decision 0004).
 */
public final class AccessFields {

    public static final PersonalField<String> ACTOR_SUBJECT = new PersonalField<>("access.actor-subject", Codecs.TEXT);
    public static final PersonalField<String> REASON = new PersonalField<>("access.reason", Codecs.TEXT);
    public static final PersonalField<String> BREAK_GLASS = new PersonalField<>("access.break-glass", Codecs.TEXT);
    public static final PersonalField<String> SEARCH_ACTOR_SUBJECT =
            new PersonalField<>("search.actor-subject", Codecs.TEXT);
    public static final PersonalField<String> SEARCH_CRITERIA = new PersonalField<>("search.criteria", Codecs.TEXT);
    public static final PersonalField<String> SEARCH_REASON = new PersonalField<>("search.reason", Codecs.TEXT);
    public static final PersonalField<String> BREAK_GLASS_ACTOR_SUBJECT =
            new PersonalField<>("breakglass.actor-subject", Codecs.TEXT);
    public static final PersonalField<String> BREAK_GLASS_JUSTIFICATION =
            new PersonalField<>("breakglass.justification", Codecs.TEXT);
    public static final PersonalField<String> BREAK_GLASS_REVIEWER =
            new PersonalField<>("breakglass.reviewer-subject", Codecs.TEXT);
    public static final PersonalField<String> BREAK_GLASS_REVIEW_NOTE =
            new PersonalField<>("breakglass.review-note", Codecs.TEXT);
    public static final PersonalField<String> DENIALS_ACTOR_SUBJECT =
            new PersonalField<>("denials.actor-subject", Codecs.TEXT);

    private AccessFields() {
    }
}
