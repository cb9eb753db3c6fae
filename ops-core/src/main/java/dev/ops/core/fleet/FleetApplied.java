package dev.ops.core.fleet;

import dev.ops.core.change.Applied;
import dev.ops.core.change.RollbackReport;
import dev.ops.core.error.RollbackFailedException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What applying a {@link FleetChange} did: an outcome per host that was tried (the {@link Applied}
 * change, a typed failure or a timeout) and the hosts skipped after too many failures.
 *
 * @param outcomes per host tried, in the fleet's order
 * @param skipped the hosts never tried
 * @param <T> what the change yields on each host
 */
public record FleetApplied<T>(List<HostResult<Applied<T>>> outcomes, List<String> skipped) {

    public FleetApplied {
        outcomes = List.copyOf(outcomes);
        skipped = List.copyOf(skipped);
    }

    /** Whether every host was tried and applied. */
    public boolean allOk() {
        return skipped.isEmpty() && outcomes.stream().allMatch(HostResult::ok);
    }

    /** The hosts whose apply failed or timed out. */
    public List<HostResult<Applied<T>>> problems() {
        return outcomes.stream().filter(r -> !r.ok()).toList();
    }

    /**
     * Rolls back every host that was applied, the last applied first; a host whose rollback fails
     * does not stop the others, and the failures are thrown together at the end.
     */
    public List<RollbackReport> rollback() {
        List<RollbackReport> reports = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        RuntimeException first = null;
        for (int i = outcomes.size() - 1; i >= 0; i--) {
            if (outcomes.get(i).valueIfOk().isEmpty()) {
                continue;
            }
            try {
                reports.add(outcomes.get(i).valueIfOk().get().rollback());
            } catch (RuntimeException e) {
                failed.add(outcomes.get(i).host() + ": " + e.getMessage());
                first = first == null ? e : first;
            }
        }
        if (!failed.isEmpty()) {
            throw new RollbackFailedException("fleet", failed, first);
        }
        return reports;
    }

    /** One line: how many hosts applied, failed, timed out and were skipped. */
    public String summary() {
        long ok = outcomes.stream().filter(HostResult::ok).count();
        String problems = problems().stream().map(r -> r.host() + (r instanceof HostResult.Failure<?> f ? " (" + f.error().getMessage() + ")"
                : " (timed out)")).collect(Collectors.joining(", "));
        return ok + " applied, " + problems().size() + " failed" + (problems.isEmpty() ? "" : ": " + problems) + ", " + skipped.size()
                + " skipped";
    }

}
