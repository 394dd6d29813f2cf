package de.eakte.api.storage;

/** The event store holds personal events in their pre-release plaintext form (revision 1). */
public class PreReleaseEventsException extends RuntimeException {

    public PreReleaseEventsException(long count) {
        super("The event store holds " + count + " events in the pre-release form that stored personal data in "
                + "plain text (revision 1); they can neither be read by this version nor ever be erased.");
    }
}
