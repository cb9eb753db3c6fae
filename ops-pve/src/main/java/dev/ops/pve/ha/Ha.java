package dev.ops.pve.ha;

import dev.ops.pve.PveClient;
import dev.ops.pve.PveIds;
import dev.ops.pve.guest.GuestType;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The cluster's HA resources and rules, read-only: {@link #list()}, {@link #get(String)},
 * {@link #rules()} and {@link #status()}. Adding and removing guests and rules are changes:
 * {@link dev.ops.pve.PveChanges#haAdd}, {@link dev.ops.pve.PveChanges#haRemove},
 * {@link dev.ops.pve.PveChanges#haRule} and {@link dev.ops.pve.PveChanges#removeHaRule}.
 */
public final class Ha {
    private final PveClient client;

    static {
        dev.ops.proxmox.internal.Handles.register(Ha.class, a -> new Ha((PveClient) a[0]));
    }

    private Ha(PveClient client) {
        this.client = client;
    }

    /** The HA service id of a guest, e.g. {@code vm:101}. */
    public static String sid(GuestType type, int vmid) {
        return type.haType() + ":" + PveIds.requireVmid(vmid);
    }

    /** {@code GET /cluster/ha/resources}. */
    public List<HaResource> list() {
        return client.api().list("/cluster/ha/resources", Map.of(), HaResource.class);
    }

    /** The HA resource with that sid, if the guest is HA-managed. */
    public Optional<HaResource> get(String sid) {
        return list().stream().filter(r -> r.sid().equals(sid)).findFirst();
    }

    /** {@code GET /cluster/ha/status/current}: the quorum, the master, every node's LRM and every service with its state. */
    public List<HaStatusEntry> status() {
        List<HaStatusEntry> out = new java.util.ArrayList<>();
        for (dev.ops.proxmox.JsonValue e : client.api().get("/cluster/ha/status/current", java.util.Map.of()).elements()) {
            out.add(new HaStatusEntry(e.path("id").asText(""), e.path("type").asText(""), e.path("node").asText(""),
                    e.path("status").asText(""), e.path("sid").asText(""), e.path("state").asText(""), e.path("request_state").asText("")));
        }
        return out;
    }

    /** {@code GET /cluster/ha/rules} (Proxmox VE 9; a PVE 8 cluster has HA groups instead and answers 501). */
    public List<HaRule> rules() {
        List<HaRule> out = new java.util.ArrayList<>();
        for (dev.ops.proxmox.JsonValue r : client.api().get("/cluster/ha/rules", Map.of()).elements()) {
            out.add(dev.ops.pve.ha.internal.HaRules.read(r));
        }
        return out;
    }

    /** The rule of that id, if any. */
    public Optional<HaRule> rule(String id) {
        return rules().stream().filter(r -> r.rule().equals(id)).findFirst();
    }
}
