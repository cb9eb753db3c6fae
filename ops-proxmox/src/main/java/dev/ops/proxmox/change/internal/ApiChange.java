package dev.ops.proxmox.change.internal;

import dev.ops.core.Ops;
import dev.ops.core.change.AbstractChange;
import dev.ops.core.change.Targets;
import dev.ops.proxmox.ProxmoxClient;
import dev.ops.proxmox.change.ApiCallAction;
import java.util.Map;
import java.util.Objects;

/**
 * The base of every change made through a Proxmox API, VE or Backup Server (ops-pve's {@code PveChange},
 * ops-pbs's changes, and the modules on them): its target is a {@link ProxmoxClient} (known to the journal by
 * {@link ProxmoxClient#name()}), its steps are {@link ApiCallAction}s or other journal-storable actions,
 * and its description names the client. A subclass plans in {@link #planSteps()} (reads only) and
 * hands what it read to {@link #result} through the plan's context.
 *
 * @param <T> what applying yields
 * @param <C> what planning hands to {@link #result}; {@link Void} when nothing
 * @param <K> the client type, {@link ProxmoxClient} or a product's client on it
 */
public abstract class ApiChange<T, C, K extends ProxmoxClient> extends AbstractChange<T, C> {
    /** The server or cluster this change acts on. */
    protected final K client;

    protected ApiChange(Ops ops, K client) {
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
    protected final ApiCallAction call(String method, String pathTemplate, Map<String, ?> params) {
        return ApiCallAction.of(client, method, pathTemplate, params, false, false);
    }

    /** A call that starts a task, awaited until it succeeds. */
    protected final ApiCallAction task(String method, String pathTemplate, Map<String, ?> params) {
        return ApiCallAction.of(client, method, pathTemplate, params, true, false);
    }

    /** A heavy task (clone, create, restore, migrate, backup): waits for a slot on the node named by {@code params}, then awaits it. */
    protected final ApiCallAction heavyTask(String method, String pathTemplate, Map<String, ?> params) {
        return ApiCallAction.of(client, method, pathTemplate, params, true, true);
    }
}
