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
        dev.ops.proxmox.internal.Handles.register(Cluster.class, a -> new Cluster((PveClient) a[0]));
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
        return asInt(dev.ops.proxmox.internal.NodeValue.tree(client.api().get("/cluster/nextid")));
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
            return asInt(dev.ops.proxmox.internal.NodeValue.tree(client.api().get("/cluster/nextid", p))) == vmid;
        } catch (dev.ops.proxmox.error.ProxmoxInvalidParameterException | dev.ops.proxmox.error.ProxmoxAlreadyExistsException taken) {
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
            throw new dev.ops.proxmox.error.ProxmoxServerException(200, "GET", "/cluster/nextid", "the answer was not a VMID but '"
                    + n.asText() + "'", true);
        }
    }

    /** {@code GET /cluster/firewall/options}: the cluster firewall's options, as text by name. */
    public Map<String, String> firewallOptions() {
        Map<String, String> out = new java.util.TreeMap<>();
        dev.ops.proxmox.JsonValue v = client.api().get("/cluster/firewall/options", Map.of());
        v.fieldNames().stream().filter(k -> !k.equals("digest")).forEach(k -> out.put(k, v.path(k).asText()));
        return out;
    }

    /** {@code GET /cluster/config/join}: what a new node needs to join this cluster (addresses and certificate fingerprints of its nodes). */
    public JoinInfo joinInfo() {
        dev.ops.proxmox.JsonValue v = client.api().get("/cluster/config/join", Map.of());
        java.util.List<JoinInfo.Member> nodes = new java.util.ArrayList<>();
        for (dev.ops.proxmox.JsonValue n : v.path("nodelist").elements()) {
            nodes.add(new JoinInfo.Member(n.path("name").asText(), n.path("nodeid").asInt(), n.path("pve_addr").asText(""),
                    n.path("pve_fp").asText("")));
        }
        return new JoinInfo(v.path("totem").path("cluster_name").asText(""), v.path("preferred_node").asText(""),
                v.path("config_digest").asText(""), nodes);
    }
}
