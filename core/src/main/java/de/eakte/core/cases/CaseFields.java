package de.eakte.core.cases;

import de.eakte.core.crypto.Codecs;
import de.eakte.core.crypto.PersonalField;

/** The sealed fields of a case, all under the case's key; slot ids are stored contracts. */
public final class CaseFields {

    private CaseFields() {
    }

    public static final PersonalField<String> SUBJECT = new PersonalField<>("case.subject", Codecs.TEXT);
    public static final PersonalField<String> ENTRY_TEXT = new PersonalField<>("case.entry-text", Codecs.TEXT);
    public static final PersonalField<String> DOCUMENT_TITLE = new PersonalField<>("case.document-title", Codecs.TEXT);
}
