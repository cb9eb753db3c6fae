package dev.ops.core.error;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** Collects violations while a value or a change is validated, then throws them all at once. */
public final class Violations {
    private final String subject;
    private final List<Violation> found = new ArrayList<>();

    private Violations(String subject) {
        this.subject = subject;
    }

    /** Starts collecting for the named subject, e.g. {@code "ssh host"}. */
    public static Violations of(String subject) {
        return new Violations(subject);
    }

    /** Records a violation of {@code field}. */
    public Violations add(String field, String message) {
        found.add(new Violation(field, message));
        return this;
    }

    /** Records a violation when {@code condition} is false. */
    public Violations check(boolean condition, String field, String message) {
        if (!condition) {
            add(field, message);
        }
        return this;
    }

    /** Records a violation when the value is null, blank or fails {@code valid}. */
    public Violations checkText(String value, String field, Predicate<String> valid, String message) {
        if (value == null || value.isBlank()) {
            add(field, "must not be blank");
        } else if (!valid.test(value)) {
            add(field, message);
        }
        return this;
    }

    /** Adds everything another collector found, with its fields prefixed by {@code prefix + "."}. */
    public Violations addAll(String prefix, List<Violation> others) {
        others.forEach(v -> add(prefix.isEmpty() ? v.field() : prefix + "." + v.field(), v.message()));
        return this;
    }

    public boolean isEmpty() {
        return found.isEmpty();
    }

    public List<Violation> list() {
        return List.copyOf(found);
    }

    /** Throws a {@link ValidationException} listing every violation, if any were found. */
    public void throwIfAny() {
        if (!found.isEmpty()) {
            throw new ValidationException(subject, found);
        }
    }
}
