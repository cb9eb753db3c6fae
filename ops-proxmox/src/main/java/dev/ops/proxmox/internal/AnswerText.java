package dev.ops.proxmox.internal;

/** How an answer that could not be read is described in an error: where it went wrong, and how it began. */
final class AnswerText {
    /** How much of an unreadable answer an error quotes. */
    static final int MAX_SNIPPET = 200;

    private AnswerText() {}

    /**
     * What was wrong with an answer that could not be read, naming the place: the JSON path of a
     * value of the wrong shape ({@code data[3].vmid}), or a body cut off before its end.
     */
    static String unreadable(Exception e) {
        if (e instanceof com.fasterxml.jackson.core.io.JsonEOFException) {
            return "the answer was cut off before its end (a truncated body); it began as";
        }
        if (e instanceof com.fasterxml.jackson.databind.JsonMappingException m) {
            StringBuilder at = new StringBuilder();
            for (com.fasterxml.jackson.databind.JsonMappingException.Reference r : m.getPath()) {
                if (r.getIndex() >= 0) {
                    at.append('[').append(r.getIndex()).append(']');
                } else if (r.getFieldName() != null) {
                    at.append(at.isEmpty() ? "" : ".").append(r.getFieldName());
                }
            }
            String expected = m instanceof com.fasterxml.jackson.databind.exc.MismatchedInputException mi && mi.getTargetType() != null
                    ? " (expected " + (java.util.Collection.class.isAssignableFrom(mi.getTargetType()) ? "a list" : mi.getTargetType().getSimpleName()) + ")"
                    : "";
            return "the answer's value at data" + (at.isEmpty() || at.charAt(0) == '[' ? "" : ".") + at + " has the wrong shape" + expected + "; it was";
        }
        return "the answer was not a Proxmox API object but";
    }

    /** The start of an answer's text on one line, at most {@value #MAX_SNIPPET} characters. */
    static String snippet(String text) {
        String oneLine = text.replaceAll("\\s+", " ").trim();
        return oneLine.length() <= MAX_SNIPPET ? oneLine : oneLine.substring(0, MAX_SNIPPET) + "...";
    }
}
