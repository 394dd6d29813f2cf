package de.eakte.api.cli;

/** What the sub-commands print when something fails: the innermost cause's message, not a stack trace. */
final class Failures {

    private Failures() {
    }

    static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage();
    }
}
