package dev.ops.net.ifupdown;

import dev.ops.core.error.Violations;

/**
 * A comment or blank line, kept exactly (indentation included).
 *
 * @param text the whole line without its newline
 */
public record Comment(String text) implements Entry, IfaceLine {

    public Comment {
        Violations.of("comment").check(text != null, "text", "must be given")
                .check(text == null || text.indexOf('\n') < 0, "text", "a comment is one line, without a newline").throwIfAny();
    }

    /** A blank line. */
    public static Comment blank() {
        return new Comment("");
    }

    /** Whether the line is blank. */
    public boolean isBlank() {
        return text.isBlank();
    }

    @Override
    public String render() {
        return text;
    }
}
