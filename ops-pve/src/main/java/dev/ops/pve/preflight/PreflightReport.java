package dev.ops.pve.preflight;

import dev.ops.core.error.Violations;
import java.util.List;

/**
 * What a preflight found: every problem (by subject) and every check that passed.
 *
 * @param endpoint the client's name
 * @param problems each problem, e.g. {@code privilege /vms/101 VM.Clone: missing}
 * @param passed what was checked and found fine
 */
public record PreflightReport(String endpoint, List<Problem> problems, List<String> passed) {

    public PreflightReport {
        problems = List.copyOf(problems);
        passed = List.copyOf(passed);
    }

    /** One problem: what was checked and what is wrong. */
    public record Problem(String subject, String message) {
        @Override
        public String toString() {
            return subject + ": " + message;
        }
    }

    /** Whether nothing is wrong. */
    public boolean ok() {
        return problems.isEmpty();
    }

    /** Throws a {@link dev.ops.core.error.ValidationException} listing every problem, if any. */
    public PreflightReport orThrow() {
        Violations v = Violations.of("preflight of " + endpoint);
        problems.forEach(p -> v.add(p.subject(), p.message()));
        v.throwIfAny();
        return this;
    }

    @Override
    public String toString() {
        return ok() ? "preflight of " + endpoint + ": ok (" + passed.size() + " checks)"
                : "preflight of " + endpoint + ": " + problems.size() + " problem(s): " + problems;
    }
}
