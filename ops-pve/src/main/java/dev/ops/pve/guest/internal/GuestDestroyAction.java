package dev.ops.pve.guest.internal;

import dev.ops.core.change.Action;
import dev.ops.core.change.Targets;
import dev.ops.core.error.NotFoundException;
import dev.ops.pve.PveClient;
import dev.ops.pve.guest.Guest;
import dev.ops.pve.guest.GuestStatus;
import dev.ops.pve.guest.GuestType;
import dev.ops.pve.internal.GuestPaths;
import java.util.Map;
import java.util.Objects;

/**
 * Removes a guest for good: stops it when it runs, then deletes it with its disks ({@code purge},
 * {@code destroy-unreferenced-disks}). A guest that is already gone counts as done. The undo of
 * clone, create and restore.
 *
 * @param target the client's name
 * @param node the guest's node
 * @param type QEMU or LXC
 * @param vmid the guest
 */
public record GuestDestroyAction(String target, String node, GuestType type, int vmid) implements Action {

    public GuestDestroyAction {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(type, "type");
    }

    @Override
    public String render() {
        String path = "/nodes/" + node + "/" + type.segment() + "/" + vmid;
        return "POST " + path + "/status/stop (if running, await task)\nDELETE " + path
                + " purge=1 destroy-unreferenced-disks=1 (await task)";
    }

    @Override
    public void execute(Targets targets) {
        PveClient client = targets.resolve(target, PveClient.class);
        Guest guest = client.node(node).guest(type, vmid);
        GuestStatus status;
        try {
            status = guest.status();
        } catch (NotFoundException gone) {
            return;
        }
        if (status.running()) {
            client.api().task("POST", GuestPaths.template(guest, "/status/stop"), GuestPaths.params(guest, Map.of())).awaitSuccess();
        }
        client.api().task("DELETE", GuestPaths.template(guest, ""),
                GuestPaths.params(guest, Map.of("purge", true, "destroy-unreferenced-disks", true))).awaitSuccess();
    }
}
