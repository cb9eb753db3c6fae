package dev.ops.lab.catalog;

import java.util.Objects;

/**
 * One target node of a replication task: its state and, once done, the replica's identity.
 *
 * @param node the target node
 * @param state {@code pending}, {@code done} or {@code rolled-back}
 * @param vmid the replica's VMID; 0 until done
 * @param name the replica's name; empty until done
 * @param address the replica's address; empty until done
 * @param mac the replica's MAC; empty until done
 */
public record TargetResult(String node, String state, int vmid, String name, String address, String mac) {
    public TargetResult {
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(mac, "mac");
    }

    /** A target not yet replicated. */
    public static TargetResult pending(String node) {
        return new TargetResult(node, "pending", 0, "", "", "");
    }

    /** Whether the replica on this node is made and recorded. */
    public boolean done() {
        return state.equals("done");
    }
}
