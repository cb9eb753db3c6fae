package dev.ops.core.fleet;

import dev.ops.core.change.Applied;
import dev.ops.core.change.Change;
import dev.ops.core.change.Plan;
import dev.ops.core.error.Violations;
import dev.ops.core.host.Host;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * One change on every host of a {@link Fleet}: planned on all hosts at once, applied in batches,
 * with an outcome per host and one rollback for everything that was applied.
 *
 * <pre>{@code
 * FleetApplied<String> done = Fleet.of(hosts).parallelism(16)
 *         .change(h -> ManagedFile.on(h, ops).path("/etc/motd").content("lab\n").present())
 *         .batchSize(5).maxFailures(1).apply();
 * done.rollback();
 * }</pre>
 *
 * <p>Each batch is applied in parallel (each host under its own journal record and lock); a batch
 * starts once the one before it ended. When more than {@link #maxFailures} hosts have failed
 * after a batch, the hosts not reached yet are skipped, unless {@link #continueOnFailure()}.
 *
 * @param <T> what the change yields on each host
 */
public final class FleetChange<T> {
    private final Fleet fleet;
    private final Function<Host, ? extends Change<T>> change;
    private final int batchSize;
    private final int maxFailures;
    private final boolean continueOnFailure;

    private FleetChange(Fleet fleet, Function<Host, ? extends Change<T>> change, int batchSize, int maxFailures, boolean continueOnFailure) {
        Violations v = Violations.of("fleet change");
        v.check(batchSize > 0, "batchSize", "must be at least 1, was " + batchSize);
        v.check(maxFailures >= 0, "maxFailures", "must be zero or more, was " + maxFailures);
        v.throwIfAny();
        this.fleet = fleet;
        this.change = change;
        this.batchSize = batchSize;
        this.maxFailures = maxFailures;
        this.continueOnFailure = continueOnFailure;
    }

    static <T> FleetChange<T> of(Fleet fleet, Function<Host, ? extends Change<T>> change) {
        return new FleetChange<>(fleet, Objects.requireNonNull(change, "change"), Math.max(1, fleet.hosts().size()), 0, false);
    }

    /** How many hosts are applied at once before the next batch starts (default: all). */
    public FleetChange<T> batchSize(int hosts) {
        return new FleetChange<>(fleet, change, hosts, maxFailures, continueOnFailure);
    }

    /** How many hosts may fail before the hosts not reached yet are skipped (default 0). */
    public FleetChange<T> maxFailures(int hosts) {
        return new FleetChange<>(fleet, change, batchSize, hosts, continueOnFailure);
    }

    /** Apply every batch whatever failed before. */
    public FleetChange<T> continueOnFailure() {
        return new FleetChange<>(fleet, change, batchSize, maxFailures, true);
    }

    /** The plan of every host, made in parallel; changes nothing. */
    public FleetResult<Plan> plan() {
        return fleet.run(h -> change.apply(h).plan());
    }

    /** Applies the change host by host in batches; see the class comment. */
    public FleetApplied<T> apply() {
        List<Host> hosts = fleet.hosts();
        List<HostResult<Applied<T>>> outcomes = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        int failures = 0;
        for (int from = 0; from < hosts.size(); from += batchSize) {
            List<Host> batch = hosts.subList(from, Math.min(hosts.size(), from + batchSize));
            if (failures > maxFailures && !continueOnFailure) {
                batch.forEach(h -> skipped.add(h.name()));
                continue;
            }
            FleetResult<Applied<T>> result = Fleet.of(batch).parallelism(fleet.parallelism()).perHostTimeout(fleet.perHostTimeout())
                    .cancelGrace(fleet.cancelGrace()).run(h -> change.apply(h).apply());
            outcomes.addAll(result.results());
            failures += result.problems().size();
        }
        return new FleetApplied<>(outcomes, skipped);
    }
}
