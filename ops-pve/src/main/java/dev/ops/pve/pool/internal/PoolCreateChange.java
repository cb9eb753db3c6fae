package dev.ops.pve.pool.internal;

import dev.ops.core.Ops;
import dev.ops.core.change.Planned;
import dev.ops.core.change.Step;
import dev.ops.core.error.NotFoundException;
import dev.ops.pve.PveClient;
import dev.ops.pve.change.internal.PveChange;
import dev.ops.pve.pool.PoolRequest;
import dev.ops.pve.pool.PoolSummary;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Creates a resource pool; the undo deletes it. No steps when it exists. */
final class PoolCreateChange extends PveChange<PoolSummary, Void> {
    private final PoolRequest request;

    PoolCreateChange(Ops ops, PveClient client, PoolRequest request) {
        super(ops, client);
        this.request = request;
    }

    @Override
    protected String what() {
        return "create pool " + request.poolid();
    }

    @Override
    protected Planned<Void> planSteps() {
        if (client.pools().get(request.poolid()).isPresent()) {
            return Planned.none(null);
        }
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("poolid", request.poolid());
        request.comment().ifPresent(c -> p.put("comment", c));
        return Planned.of(List.of(Step.of("create pool " + request.poolid(), call("POST", "/pools", p),
                call("DELETE", "/pools", Map.of("poolid", request.poolid())))));
    }

    @Override
    protected PoolSummary result(Void none) {
        return client.pools().get(request.poolid())
                .orElseThrow(() -> new NotFoundException("pool " + request.poolid(), "not found after apply"));
    }
}
