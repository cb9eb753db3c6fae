package dev.ops.pve.pool;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ops.core.json.internal.Json;
import dev.ops.pve.PveClient;
import dev.ops.pve.PveIds;
import dev.ops.pve.cluster.ClusterResource;
import dev.ops.proxmox.error.ProxmoxNotFoundException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The cluster's resource pools: {@code GET /pools}, and one pool with its members. */
public final class Pools {
    private final PveClient client;

    static {
        dev.ops.proxmox.internal.Handles.register(Pools.class, a -> new Pools((PveClient) a[0]));
    }

    private Pools(PveClient client) {
        this.client = client;
    }

    /** Every pool the caller may audit, without members. */
    public List<PoolSummary> list() {
        return client.api().list("/pools", Map.of(), PoolSummary.class);
    }

    /** The pool with that id and its members, or empty when it does not exist. */
    public Optional<PoolSummary> get(String poolid) {
        PveIds.requirePoolId(poolid);
        JsonNode data;
        try {
            data = dev.ops.proxmox.internal.NodeValue.tree(client.api().get("/pools", Map.of("poolid", poolid)));
        } catch (ProxmoxNotFoundException missing) {
            return Optional.empty();
        }
        if (!data.isArray() || data.isEmpty()) {
            return Optional.empty();
        }
        JsonNode pool = data.get(0);
        List<ClusterResource> members = new ArrayList<>();
        for (JsonNode m : pool.path("members")) {
            members.add(Json.mapper().convertValue(m, ClusterResource.class));
        }
        return Optional.of(Json.mapper().convertValue(pool, PoolSummary.class).withMembers(members));
    }
}
