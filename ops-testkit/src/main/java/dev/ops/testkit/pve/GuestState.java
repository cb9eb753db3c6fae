package dev.ops.testkit.pve;

import java.util.List;
import java.util.Map;

/**
 * A copy of a guest's state in the fake cluster, for tests to check what calls did.
 *
 * @param vmid the VMID
 * @param type {@code qemu} or {@code lxc}
 * @param node the node it is on
 * @param status {@code running} or {@code stopped}
 * @param paused whether a running VM is suspended (QEMU status {@code paused})
 * @param config its current config, without {@code digest}
 * @param snapshots its snapshots' names, oldest first
 * @param pool the pool it is in, or empty
 */
public record GuestState(int vmid, String type, String node, String status, boolean paused, Map<String, String> config,
        List<String> snapshots, String pool) {

    /** Copies the config and snapshot list. */
    public GuestState {
        config = Map.copyOf(config);
        snapshots = List.copyOf(snapshots);
    }

    /** Whether it is running (paused or not). */
    public boolean running() {
        return "running".equals(status);
    }
}
