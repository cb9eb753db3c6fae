package dev.ops.lab.catalog.internal;

import dev.ops.core.change.Action;
import dev.ops.core.change.Targets;
import dev.ops.lab.catalog.HostConvergence;
import java.util.Objects;

/**
 * Layer L3's record that it converged a host (after the host's gate passed), or, as its undo, the
 * host's earlier record put back (none: the record forgotten).
 *
 * @param host the host's name
 * @param json the {@link HostConvergence} record to leave; empty to leave none
 */
public record ConvergenceRecordAction(String host, String json) implements Action {
    public ConvergenceRecordAction {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(json, "json");
    }

    /** The action recording {@code record}. */
    public static ConvergenceRecordAction of(HostConvergence record) {
        return new ConvergenceRecordAction(record.host(), CatalogKeys.json(record));
    }

    @Override
    public String target() {
        return Targets.STATE_STORE;
    }

    @Override
    public String render() {
        return (json.isEmpty() ? "forget that layer L3 converged host " : "record that layer L3 converged host ") + host;
    }

    @Override
    public void execute(Targets targets) {
        CatalogKeys.restore(targets, CatalogKeys.host(host), json);
    }
}
