package dev.ops.pve.change.internal;

import dev.ops.core.Ops;
import dev.ops.proxmox.change.internal.ApiChange;
import dev.ops.pve.PveClient;

/**
 * The base of every change made through the Proxmox VE API, in ops-pve and in the modules on it (the
 * Proxmox users and ACLs of ops-usr, GPU mappings of ops-gpu): an {@link ApiChange} whose
 * {@link #client} is the {@link PveClient}, known to the journal by its name. A subclass plans in
 * {@code planSteps()} (reads only) and hands what it read to {@code result} through the plan's context.
 *
 * @param <T> what applying yields
 * @param <C> what planning hands to {@code result}; {@link Void} when nothing
 */
public abstract class PveChange<T, C> extends ApiChange<T, C, PveClient> {
    protected PveChange(Ops ops, PveClient client) {
        super(ops, client);
    }
}
