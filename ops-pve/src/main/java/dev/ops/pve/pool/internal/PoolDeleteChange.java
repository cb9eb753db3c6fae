package dev.ops.pve.pool.internal;

import dev.ops.core.Ops;
import dev.ops.core.change.Planned;
import dev.ops.core.change.Step;
import dev.ops.core.error.ConflictException;
import dev.ops.core.error.Violations;
import dev.ops.pve.PveClient;
import dev.ops.pve.PveIds;
import dev.ops.pve.change.internal.PveChange;
import dev.ops.pve.cluster.ClusterResource;
import dev.ops.pve.pool.PoolSummary;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Deletes an empty pool; the undo creates it again with its comment. No steps when it is gone. */
final class PoolDeleteChange extends PveChange<Boolean, Void> {
    private final String poolid;

    PoolDeleteChange(Ops ops, PveClient client, String poolid) {
        super(ops, client);
        this.poolid = poolid;
    }

    @Override
    protected String what() {
        return "delete pool " + poolid;
    }

    @Override
    protected void validate(Violations v) {
        v.check(PveIds.isPoolId(poolid), "poolid", "'" + poolid + "' is not a valid pool id");
    }

    @Override
    protected Planned<Void> planSteps() {
        Optional<PoolSummary> pool = client.pools().get(poolid);
        if (pool.isEmpty()) {
            return Planned.none(null);
        }
        if (!pool.get().members().isEmpty()) {
            throw new ConflictException("pool " + poolid, "is not empty: " + pool.get().members().stream().map(ClusterResource::id).toList(), false);
        }
        Map<String, Object> back = new LinkedHashMap<>();
        back.put("poolid", poolid);
        pool.get().comment().ifPresent(c -> back.put("comment", c));
        return Planned.of(List.of(Step.of("delete pool " + poolid, call("DELETE", "/pools", Map.of("poolid", poolid)),
                call("POST", "/pools", back))));
    }

    @Override
    protected Boolean result(Void none) {
        return client.pools().get(poolid).isEmpty();
    }
}
