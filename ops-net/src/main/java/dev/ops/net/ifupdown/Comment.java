package dev.ops.net.ifupdown;

import java.util.Objects;

/**
 * A comment or blank line, kept exactly (indentation included).
 *
 * @param text the whole line without its newline
 */
public record Comment(String text) implements Entry, IfaceLine {

    public Comment {
        Objects.requireNonNull(text, "text");
        if (text.indexOf('\n') >= 0) {
            throw new IllegalArgumentException("a comment is one line");
        }
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
