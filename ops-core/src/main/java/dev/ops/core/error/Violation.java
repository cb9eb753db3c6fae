package dev.ops.core.error;

import java.util.Objects;

/**
 * One problem with one input field: the field's name (a path such as {@code nics[0].mac}) and
 * what is wrong with it.
 */
public record Violation(String field, String message) {
    public Violation {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
        return field + ": " + message;
    }
}
