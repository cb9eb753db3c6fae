package dev.ops.pve.change;

import dev.ops.core.Ops;
import dev.ops.core.change.AbstractChange;
import dev.ops.core.change.Targets;
import dev.ops.pve.PveClient;
import java.util.Map;
import java.util.Objects;

/**
 * The base of every change made through the Proxmox API, in ops-pve and in the modules on it (the
 * Proxmox users and ACLs of ops-usr): its target is the {@link PveClient} (known to the journal by
 * {@link PveClient#name()}), its steps are {@link PveCallAction}s or other journal-storable actions,
 * and its description names the client. A subclass plans in {@link #planSteps()} (reads only) and
 * hands what it read to {@link #result} through the plan's context.
 *
 * @param <T> what applying yields
 * @param <C> what planning hands to {@link #result}; {@link Void} when nothing
 */
public abstract class ApiChange<T, C> extends AbstractChange<T, C> {
    /** The cluster this change acts on. */
    protected final PveClient client;

    protected ApiChange(Ops ops, PveClient client) {
        super(ops);
        this.client = Objects.requireNonNull(client, "client");
    }

    /** What this change does, in words, without the client (e.g. {@code start qemu/101@pve}). */
    protected abstract String what();

    @Override
    public String description() {
        return what() + " on " + client.name();
    }

    @Override
    protected Targets targets() {
        return client.targets();
    }

    /** A call whose answer is used as is (no task to await). */
    protected final PveCallAction call(String method, String pathTemplate, Map<String, ?> params) {
        return PveCallAction.of(client, method, pathTemplate, params, false, false);
    }

    /** A call that starts a task, awaited until it succeeds. */
    protected final PveCallAction task(String method, String pathTemplate, Map<String, ?> params) {
        return PveCallAction.of(client, method, pathTemplate, params, true, false);
    }

    /** A heavy task (clone, create, restore, migrate, backup): waits for a slot on the node named by {@code params}, then awaits it. */
    protected final PveCallAction heavyTask(String method, String pathTemplate, Map<String, ?> params) {
        return PveCallAction.of(client, method, pathTemplate, params, true, true);
    }
}
