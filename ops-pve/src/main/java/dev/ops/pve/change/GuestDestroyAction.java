package dev.ops.pve.change;

import dev.ops.core.change.Action;
import dev.ops.core.change.Targets;
import dev.ops.pve.PveClient;
import dev.ops.pve.guest.Guest;
import dev.ops.pve.guest.GuestStatus;
import dev.ops.pve.guest.GuestType;
import java.util.Objects;
import java.util.Optional;

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
        Optional<GuestStatus> status;
        try {
            status = Optional.of(guest.status());
        } catch (dev.ops.core.error.NotFoundException gone) {
            status = Optional.empty();
        }
        if (status.isEmpty()) {
            return;
        }
        if (status.get().running()) {
            guest.stop().awaitSuccess();
        }
        guest.delete().awaitSuccess();
    }
}
