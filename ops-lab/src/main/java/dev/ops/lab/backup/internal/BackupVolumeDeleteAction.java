package dev.ops.lab.backup.internal;

import dev.ops.core.change.Action;
import dev.ops.core.change.Targets;
import dev.ops.proxmox.change.ApiCallAction;
import dev.ops.pve.PveClient;
import java.util.Map;
import java.util.Objects;

/**
 * The undo of a lab backup's vzdump: deletes the backup volume of the guest on the storage that
 * carries the backup's note, awaiting the task; nothing when there is none (the vzdump failed, or
 * the volume is gone already).
 *
 * @param target the PVE client's name
 * @param node the guest's node
 * @param storage the storage the backup went to
 * @param vmid the guest's VMID
 * @param marker the note the backup volume carries
 */
public record BackupVolumeDeleteAction(String target, String node, String storage, int vmid, String marker) implements Action {
    public BackupVolumeDeleteAction {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(storage, "storage");
        Objects.requireNonNull(marker, "marker");
    }

    @Override
    public String render() {
        return "DELETE /nodes/" + node + "/storage/" + storage + "/content/<the backup of " + vmid + " noted '" + marker + "'> (await task)";
    }

    @Override
    public void execute(Targets targets) {
        PveClient pve = targets.resolve(target, PveClient.class);
        BackupVolumes.find(pve, node, storage, vmid, marker).ifPresent(v -> delete(target, node, storage, v.volid()).run(pve));
    }

    /** The call deleting backup volume {@code volid}, awaiting its task. */
    static ApiCallAction delete(String target, String node, String storage, String volid) {
        return new ApiCallAction(target, "DELETE", "/nodes/{node}/storage/{storage}/content/{volume}",
                Map.of("node", node, "storage", storage, "volume", volid), true, false);
    }
}
