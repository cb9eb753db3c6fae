package dev.ops.pve;

import dev.ops.proxmox.task.ProxmoxTask;
import java.util.Map;

/** Calls made through the raw API, for tests of the transport (heavy slots, retries, errors) rather than of changes. */
public final class RawCalls {
    private RawCalls() {}

    /** {@code POST .../qemu/{source}/clone newid=...} on {@code node}, as a heavy task. */
    public static ProxmoxTask clone(PveClient client, String node, int source, int newId) {
        return client.api().heavyTask(node, "POST", "/nodes/{node}/qemu/{vmid}/clone", Map.of("node", node, "vmid", source, "newid", newId));
    }

    /** {@code POST .../qemu/{vmid}/status/start} on {@code node}. */
    public static ProxmoxTask start(PveClient client, String node, int vmid) {
        return client.api().task("POST", "/nodes/{node}/qemu/{vmid}/status/start", Map.of("node", node, "vmid", vmid));
    }
}
