package dev.ops.lab.runway;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Every runway check, passed and failed, in the order they ran.
 *
 * @param checks the checks
 */
public record RunwayReport(List<RunwayCheck> checks) {
    public RunwayReport {
        checks = List.copyOf(checks);
    }

    /** Whether every check passed. */
    public boolean ok() {
        return checks.stream().allMatch(RunwayCheck::ok);
    }

    /** The failed checks. */
    public List<RunwayCheck> failures() {
        return checks.stream().filter(c -> !c.ok()).toList();
    }

    /** One line per check. */
    public String render() {
        return checks.stream().map(RunwayCheck::toString).collect(Collectors.joining("\n"))
                + "\n" + (ok() ? "runway clear" : failures().size() + " check(s) failed");
    }
}
