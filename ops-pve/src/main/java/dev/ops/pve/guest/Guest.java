package dev.ops.pve.guest;

import dev.ops.pve.PveClient;
import dev.ops.pve.PveIds;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One VM or container on one node, read-only: reads go to its own endpoint (never the lagging
 * cluster resource list). Everything that changes a guest is a change of
 * {@link dev.ops.pve.PveClient#guests(dev.ops.core.Ops)} (plan, journaled apply, rollback).
 */
public final class Guest {
    private final PveClient client;
    private final String node;
    private final GuestType type;
    private final int vmid;

    static {
        dev.ops.proxmox.internal.Handles.register(Guest.class, a -> new Guest((PveClient) a[0], (String) a[1], (GuestType) a[2], (Integer) a[3]));
    }

    Guest(PveClient client, String node, GuestType type, int vmid) {
        this.client = client;
        this.node = PveIds.requireNode(node);
        this.type = type;
        this.vmid = PveIds.requireVmid(vmid);
    }

    /** The node. */
    public String node() {
        return node;
    }

    /** The type. */
    public GuestType type() {
        return type;
    }

    /** The vmid. */
    public int vmid() {
        return vmid;
    }

    /** The API path of this guest, e.g. {@code /nodes/pve/qemu/101}. */
    public String path() {
        return "/nodes/" + node + "/" + type.segment() + "/" + vmid;
    }

    private String template(String suffix) {
        return "/nodes/{node}/" + type.segment() + "/{vmid}" + suffix;
    }

    private Map<String, Object> params(Map<String, ?> extra) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("node", node);
        p.put("vmid", vmid);
        p.putAll(extra);
        return p;
    }

    /** {@code GET .../status/current}. */
    public GuestStatus status() {
        GuestStatus s = client.api().get(template("/status/current"), params(Map.of()), GuestStatus.class);
        if (s == null) {
            throw new dev.ops.core.error.OpsException("GET " + template("/status/current") + " of " + this + " answered without data");
        }
        return s.ofVmid(vmid);
    }

    /** Whether the guest exists on this node (a 404/500 "does not exist" is false). */
    public boolean exists() {
        try {
            config();
            return true;
        } catch (dev.ops.core.error.NotFoundException e) {
            return false;
        }
    }

    /** {@code GET .../config}. */
    public GuestConfig config() {
        return GuestConfig.from(type, vmid, client.api().get(template("/config"), params(Map.of())));
    }

    /** The config, or empty when the guest does not exist. */
    public Optional<GuestConfig> findConfig() {
        try {
            return Optional.of(config());
        } catch (dev.ops.core.error.NotFoundException e) {
            return Optional.empty();
        }
    }

    /** This guest's snapshots. */
    public Snapshots snapshots() {
        return new Snapshots(client, this);
    }

    @Override
    public String toString() {
        return type.segment() + "/" + vmid + "@" + node;
    }
}
