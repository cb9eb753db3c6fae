package dev.ops.lab.catalog.internal;

import dev.ops.core.change.Action;
import dev.ops.core.change.Targets;
import dev.ops.core.store.StateStore;
import dev.ops.lab.catalog.HostConvergence;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Layer L3's record that it converged a host (after the host's gate passed); undone by
 * {@link ConvergenceRestoreAction}.
 *
 * @param json the {@link HostConvergence} record
 */
public record ConvergenceRecordAction(String json) implements Action {
    public ConvergenceRecordAction {
        Objects.requireNonNull(json, "json");
    }

    /** The action recording {@code record}. */
    public static ConvergenceRecordAction of(HostConvergence record) {
        return new ConvergenceRecordAction(CatalogKeys.json(record));
    }

    @Override
    public String target() {
        return Targets.STATE_STORE;
    }

    @Override
    public String render() {
        return "record that layer L3 converged host " + record().host();
    }

    private HostConvergence record() {
        return CatalogKeys.read("host convergence", json.getBytes(StandardCharsets.UTF_8), HostConvergence.class);
    }

    @Override
    public void execute(Targets targets) {
        targets.resolve(Targets.STATE_STORE, StateStore.class).put(CatalogKeys.host(record().host()), json.getBytes(StandardCharsets.UTF_8));
    }
}
