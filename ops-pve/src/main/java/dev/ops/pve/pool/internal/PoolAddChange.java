package dev.ops.pve.pool.internal;

import dev.ops.core.Ops;
import dev.ops.core.change.Planned;
import dev.ops.core.change.Step;
import dev.ops.core.error.NotFoundException;
import dev.ops.core.error.Violations;
import dev.ops.pve.PveClient;
import dev.ops.pve.PveIds;
import dev.ops.pve.change.internal.PveChange;
import dev.ops.pve.cluster.ResourceType;
import dev.ops.pve.guest.Guest;
import dev.ops.pve.pool.PoolSummary;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Puts existing guests in an existing pool; the undo takes out those it put in. Guests already in it
 * are left as they are; a guest in another pool is refused (take it out there first).
 */
final class PoolAddChange extends PveChange<PoolSummary, Void> {
    private final String poolid;
    private final List<Guest> guests;

    PoolAddChange(Ops ops, PveClient client, String poolid, List<Guest> guests) {
        super(ops, client);
        this.poolid = poolid;
        this.guests = List.copyOf(guests);
    }

    @Override
    protected String what() {
        return "add " + guests + " to pool " + poolid;
    }

    @Override
    protected void validate(Violations v) {
        v.check(PveIds.isPoolId(poolid), "poolid", "'" + poolid + "' is not a valid pool id");
        v.check(!guests.isEmpty(), "guests", "name at least one guest");
    }

    @Override
    protected Planned<Void> planSteps() {
        PoolSummary pool = client.pools().get(poolid).orElseThrow(() -> new NotFoundException("pool " + poolid, "does not exist"));
        Map<Integer, String> where = new LinkedHashMap<>();
        client.cluster().resources(ResourceType.VM).forEach(r -> r.vmid().ifPresent(id -> where.put(id, r.pool().orElse(""))));
        List<String> missing = guests.stream().filter(g -> !where.containsKey(g.vmid()) && g.findConfig().isEmpty()).map(Guest::toString)
                .toList();
        if (!missing.isEmpty()) {
            throw new NotFoundException("guests " + missing, "do not exist, so they cannot be put in pool " + poolid);
        }
        Violations v = Violations.of("add to pool " + poolid);
        List<String> add = new ArrayList<>();
        for (Guest g : guests) {
            String other = where.getOrDefault(g.vmid(), "");
            v.check(other.isEmpty() || other.equals(poolid), "guests", g + " is in pool " + other);
            if (!pool.vmids().contains(g.vmid())) {
                add.add(String.valueOf(g.vmid()));
            }
        }
        v.throwIfAny();
        if (add.isEmpty()) {
            return Planned.none(null);
        }
        String vms = String.join(",", add);
        return Planned.of(List.of(Step.of("add " + vms + " to pool " + poolid, call("PUT", "/pools", Map.of("poolid", poolid, "vms", vms)),
                call("PUT", "/pools", Map.of("poolid", poolid, "vms", vms, "delete", true)))));
    }

    @Override
    protected PoolSummary result(Void none) {
        return client.pools().get(poolid).orElseThrow(() -> new NotFoundException("pool " + poolid, "not found after apply"));
    }
}
