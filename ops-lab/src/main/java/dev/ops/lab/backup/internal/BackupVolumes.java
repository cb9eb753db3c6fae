package dev.ops.lab.backup.internal;

import dev.ops.pve.PveClient;
import dev.ops.pve.storage.StorageContentItem;
import java.util.Optional;

/** Finds the backup volume a lab backup made, by the note it was given (vzdump's {@code notes-template}). */
final class BackupVolumes {
    private BackupVolumes() {}

    /** The backup of {@code vmid} on {@code storage} (seen from {@code node}) whose notes are {@code marker}. */
    static Optional<StorageContentItem> find(PveClient pve, String node, String storage, int vmid, String marker) {
        return pve.node(node).storage(storage).list("backup").stream()
                .filter(v -> v.vmid().isPresent() && v.vmid().getAsInt() == vmid)
                .filter(v -> v.notes().map(n -> n.strip().equals(marker)).orElse(false)).findFirst();
    }
}
