package dev.ops.pve.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ops.pve.PveClient;
import dev.ops.pve.PveIds;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Cluster-wide reads: {@code /cluster/status}, {@code /cluster/resources}, {@code /cluster/nextid}. */
public final class Cluster {
    private final PveClient client;

    public Cluster(PveClient client) {
        this.client = client;
    }

    /** {@code GET /cluster/status}: the cluster entry (if clustered) and one entry per node. */
    public List<ClusterStatusEntry> status() {
        return client.api().list("/cluster/status", Map.of(), ClusterStatusEntry.class);
    }

    /** {@code GET /cluster/resources}, every type. */
    public List<ClusterResource> resources() {
        return list(Map.of());
    }

    /** {@code GET /cluster/resources?type=...}. */
    public List<ClusterResource> resources(ResourceType type) {
        return list(Map.of("type", type.wire()));
    }

    private List<ClusterResource> list(Map<String, ?> params) {
        return client.api().list("/cluster/resources", params, ClusterResource.class);
    }

    /** {@code GET /cluster/nextid}: the lowest free VMID as the cluster sees it now (another caller may take it). */
    public int nextId() {
        return asInt(client.api().get("/cluster/nextid"));
    }

    /**
     * {@code GET /cluster/nextid?vmid=N}: whether {@code vmid} is free in the cluster now. Proxmox
     * answers 400 "VM N already exists" when it is taken, which this returns as false.
     */
    public boolean isFree(int vmid) {
        PveIds.requireVmid(vmid);
        Map<String, Object> p = new HashMap<>();
        p.put("vmid", vmid);
        try {
            return asInt(client.api().get("/cluster/nextid", p)) == vmid;
        } catch (dev.ops.pve.error.PveInvalidParameterException | dev.ops.pve.error.PveAlreadyExistsException taken) {
            return false;
        }
    }

    private static int asInt(JsonNode n) {
        return n.isNumber() ? n.asInt() : Integer.parseInt(n.asText().trim());
    }
}
