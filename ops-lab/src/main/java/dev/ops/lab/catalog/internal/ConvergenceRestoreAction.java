package dev.ops.lab.catalog.internal;

import dev.ops.core.change.Action;
import dev.ops.core.change.Targets;
import dev.ops.core.store.StateStore;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * The undo of {@link ConvergenceRecordAction}: puts back the host's earlier record, or deletes the
 * one recorded when there was none.
 *
 * @param host the host's name
 * @param previous the record before, as JSON; empty when there was none
 */
public record ConvergenceRestoreAction(String host, String previous) implements Action {
    public ConvergenceRestoreAction {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(previous, "previous");
    }

    @Override
    public String target() {
        return Targets.STATE_STORE;
    }

    @Override
    public String render() {
        return previous.isEmpty() ? "forget that layer L3 converged host " + host : "put back the earlier convergence record of host " + host;
    }

    @Override
    public void execute(Targets targets) {
        StateStore store = targets.resolve(Targets.STATE_STORE, StateStore.class);
        if (previous.isEmpty()) {
            store.delete(CatalogKeys.host(host));
        } else {
            store.put(CatalogKeys.host(host), previous.getBytes(StandardCharsets.UTF_8));
        }
    }
}
