package dev.ops.core.error;

import java.util.List;
import java.util.stream.Collectors;

/** Input was refused before anything ran; lists every violation at once. Never retryable. */
public class ValidationException extends OpsException {
    private final List<Violation> violations;

    public ValidationException(String subject, List<Violation> violations) {
        super(render(subject, violations), null, false);
        this.violations = List.copyOf(violations);
    }

    /** Every problem found, in the order the fields were checked. */
    public List<Violation> violations() {
        return violations;
    }

    /** The violations for one field. */
    public List<Violation> violationsOf(String field) {
        return violations.stream().filter(v -> v.field().equals(field)).toList();
    }

    private static String render(String subject, List<Violation> violations) {
        return "invalid " + subject + ": " + violations.stream().map(Violation::toString).collect(Collectors.joining("; "));
    }
}
