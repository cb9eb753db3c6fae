package dev.ops.pve.guest.internal;

import dev.ops.core.Ops;
import dev.ops.core.change.Planned;
import dev.ops.core.change.Step;
import dev.ops.core.error.ConflictException;
import dev.ops.core.error.NotFoundException;
import dev.ops.core.error.Violations;
import dev.ops.pve.PveClient;
import dev.ops.pve.guest.Guest;
import dev.ops.pve.guest.GuestConfig;
import dev.ops.pve.guest.GuestType;
import java.util.List;
import java.util.Map;

/**
 * Moves a guest's disk (a VM's {@code move_disk}) or volume (a container's {@code move_volume}) to
 * another storage as a heavy task, deleting the source copy; rollback moves it back. The plan
 * checks that the disk exists, where it is now, and that the target storage exists and differs.
 */
final class MoveDiskChange extends GuestChange<GuestConfig, Void> {
    private final String disk;
    private final String storage;

    MoveDiskChange(Ops ops, PveClient client, Guest guest, String disk, String storage) {
        super(ops, client, guest);
        this.disk = disk;
        this.storage = storage;
    }

    @Override
    protected String what() {
        return "move " + disk + " of " + guest + " to " + storage;
    }

    @Override
    protected void validate(Violations v) {
        v.check(disk != null && disk.matches("(ide|sata|scsi|virtio|efidisk|tpmstate)\\d+|rootfs|mp\\d+|unused\\d+"), "disk",
                "'" + disk + "' is not a disk or volume key");
        v.check(storage != null && storage.matches("[A-Za-z][A-Za-z0-9\\-_.]*[A-Za-z0-9]"), "storage", "'" + storage + "' is not a storage id");
    }

    @Override
    protected Planned<Void> planSteps() {
        String value = config().values().get(disk);
        if (value == null) {
            throw new NotFoundException(guest + " " + disk, "has no such disk");
        }
        String volid = value.split(",", 2)[0];
        String from = volid.contains(":") ? volid.substring(0, volid.indexOf(':')) : "";
        if (from.equals(storage)) {
            return Planned.<Void>none(null).withNote(disk + " is on " + storage + " already");
        }
        boolean qemu = guest.type() == GuestType.QEMU;
        String content = qemu ? "images" : "rootdir";
        var target = client.api().get("/storage", Map.of()).elements().stream().filter(s -> s.path("storage").asText().equals(storage))
                .findFirst().orElseThrow(() -> new NotFoundException("storage " + storage, "is not defined in the cluster"));
        if (!List.of(target.path("content").asText("").split(",")).contains(content)) {
            throw new ConflictException("storage " + storage, "does not hold '" + content + "' content, so " + disk + " cannot move there", false);
        }
        if (from.isEmpty()) {
            throw new ConflictException(guest + " " + disk, "is '" + volid + "', not a volume on a storage, so it cannot be moved", false);
        }
        String call = qemu ? "/move_disk" : "/move_volume";
        String key = qemu ? "disk" : "volume";
        return Planned.of(List.of(Step.of("move " + disk + " of " + guest + " from " + from + " to " + storage,
                heavyTask("POST", template(call), params(Map.of(key, disk, "storage", storage, "delete", 1))),
                heavyTask("POST", template(call), params(Map.of(key, disk, "storage", from, "delete", 1))))))
                .withNote(disk + ": " + from + " -> " + storage);
    }

    @Override
    protected GuestConfig result(Void none) {
        return config();
    }
}
