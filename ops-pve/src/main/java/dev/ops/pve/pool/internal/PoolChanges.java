package dev.ops.pve.pool.internal;

import dev.ops.core.Ops;
import dev.ops.core.change.Change;
import dev.ops.pve.PveClient;
import dev.ops.pve.guest.Guest;
import dev.ops.pve.pool.PoolRequest;
import dev.ops.pve.pool.PoolSummary;
import java.util.List;

/** Makes the changes of resource pools; {@link dev.ops.pve.PveChanges} is the public face. */
public final class PoolChanges {
    private PoolChanges() {}

    public static Change<PoolSummary> create(Ops ops, PveClient client, PoolRequest request) {
        return new PoolCreateChange(ops, client, request);
    }

    public static Change<PoolSummary> add(Ops ops, PveClient client, String poolid, List<Guest> guests) {
        return new PoolAddChange(ops, client, poolid, guests == null ? List.of() : guests);
    }

    public static Change<Boolean> delete(Ops ops, PveClient client, String poolid) {
        return new PoolDeleteChange(ops, client, poolid);
    }
}
