package dev.ops.pve.cluster;

import dev.ops.core.text.AsciiNumbers;
import com.fasterxml.jackson.databind.JsonNode;
import dev.ops.pve.PveClient;
import dev.ops.pve.PveIds;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Cluster-wide reads: {@code /cluster/status}, {@code /cluster/resources}, {@code /cluster/nextid}. */
public final class Cluster {
    private final PveClient client;

    static {
        dev.ops.pve.internal.Handles.register(Cluster.class, a -> new Cluster((PveClient) a[0]));
    }

    private Cluster(PveClient client) {
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
        return asInt(dev.ops.pve.internal.NodeValue.tree(client.api().get("/cluster/nextid")));
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
            return asInt(dev.ops.pve.internal.NodeValue.tree(client.api().get("/cluster/nextid", p))) == vmid;
        } catch (dev.ops.pve.error.PveInvalidParameterException | dev.ops.pve.error.PveAlreadyExistsException taken) {
            return false;
        }
    }

    /** The VMID Proxmox answered, a number or a string of ASCII digits; anything else is a server error, not a number. */
    private static int asInt(JsonNode n) {
        if (n.isInt()) {
            return n.asInt();
        }
        try {
            return AsciiNumbers.parseInt(n.asText().trim());
        } catch (NumberFormatException e) {
            throw new dev.ops.pve.error.PveServerException(200, "GET", "/cluster/nextid", "the answer was not a VMID but '"
                    + n.asText() + "'", true);
        }
    }
}
