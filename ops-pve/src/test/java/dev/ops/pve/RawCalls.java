package dev.ops.pve;

import dev.ops.pve.task.PveTask;
import java.util.Map;

/** Calls made through the raw API, for tests of the transport (heavy slots, retries, errors) rather than of changes. */
public final class RawCalls {
    private RawCalls() {}

    /** {@code POST .../qemu/{source}/clone newid=...} on {@code node}, as a heavy task. */
    public static PveTask clone(PveClient client, String node, int source, int newId) {
        return client.api().heavyTask(node, "POST", "/nodes/{node}/qemu/{vmid}/clone", Map.of("node", node, "vmid", source, "newid", newId));
    }

    /** {@code POST .../qemu/{vmid}/status/start} on {@code node}. */
    public static PveTask start(PveClient client, String node, int vmid) {
        return client.api().task("POST", "/nodes/{node}/qemu/{vmid}/status/start", Map.of("node", node, "vmid", vmid));
    }
}
