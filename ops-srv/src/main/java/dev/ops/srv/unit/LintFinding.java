package dev.ops.srv.unit;

import java.util.Objects;

/**
 * One problem our own lint found in a unit: an {@link Severity#ERROR} refuses the install, a
 * {@link Severity#WARNING} is shown in the plan.
 *
 * @param severity how bad it is
 * @param field the value's field the finding is about, e.g. {@code startLimitInterval}
 * @param message what is wrong, in words
 */
public record LintFinding(Severity severity, String field, String message) {

    /** How bad a finding is. */
    public enum Severity {
        /** The unit would not do what it says; installing it is refused. */
        ERROR,
        /** Probably a mistake; shown, not refused. */
        WARNING
    }

    public LintFinding {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
        return severity + " " + field + ": " + message;
    }
}
