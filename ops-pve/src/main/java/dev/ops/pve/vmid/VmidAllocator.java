package dev.ops.pve.vmid;

import dev.ops.core.Ops;
import dev.ops.core.change.Change;
import dev.ops.pve.PveClient;
import dev.ops.pve.vmid.internal.TakeVmidChange;
import dev.ops.pve.vmid.internal.VmidClaims;
import java.util.Objects;

/**
 * VMIDs for parallel clones and creates, never handed out twice, across threads and processes
 * sharing the state store of {@link Ops}: an id is reserved in the store with compare-and-set, then
 * confirmed free in the cluster ({@code GET /cluster/nextid?vmid=N}). Every reservation is a
 * {@link Change} taken at apply whose undo releases it; reservations also expire after an hour, by
 * when the guest exists and the cluster refuses the id anyway.
 *
 * <pre>{@code
 * Applied<Integer> id = client.vmids(ops).next().apply();   // the lowest free id from /cluster/nextid
 * id.rollback();                                          // free again
 * }</pre>
 */
public final class VmidAllocator {
    private final PveClient client;
    private final Ops ops;

    private VmidAllocator(PveClient client, Ops ops) {
        this.client = client;
        this.ops = ops;
    }

    /** The allocator of {@code client}'s VMIDs, reserving in {@code ops}'s state store. */
    public static VmidAllocator of(PveClient client, Ops ops) {
        return new VmidAllocator(Objects.requireNonNull(client, "client"), Objects.requireNonNull(ops, "ops"));
    }

    /** The lowest free VMID from the cluster's next id upwards, taken at apply. */
    public Change<Integer> next() {
        return TakeVmidChange.next(ops, client);
    }

    /** Exactly {@code vmid}, reserved at apply; the plan fails with a conflict when another allocation holds it or a guest has it. */
    public Change<Integer> reserve(int vmid) {
        return TakeVmidChange.exactly(ops, client, vmid);
    }

    /** Whether {@code vmid} is reserved in the store right now (unexpired). */
    public boolean isReserved(int vmid) {
        return new VmidClaims(client, ops.store()).isReserved(vmid);
    }
}
