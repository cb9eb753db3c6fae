package dev.ops.pve.guest;

import dev.ops.core.error.Violations;
import dev.ops.pve.PveClient;
import dev.ops.pve.PveIds;
import dev.ops.pve.task.PveTask;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The snapshots of one guest: list, create (with RAM state for VMs), rollback, delete. */
public final class Snapshots {
    private final PveClient client;
    private final Guest guest;

    public Snapshots(PveClient client, Guest guest) {
        this.client = client;
        this.guest = guest;
    }

    /** {@code GET .../snapshot}, without Proxmox's {@code current} pseudo-entry. */
    public List<Snapshot> list() {
        return client.api().list(guest.template("/snapshot"), guest.params(Map.of()), Snapshot.class).stream()
                .filter(s -> !s.isCurrent()).toList();
    }

    /** The snapshot of that name, if it exists. */
    public Optional<Snapshot> find(String name) {
        return list().stream().filter(s -> s.name().equals(name)).findFirst();
    }

    /** {@code POST .../snapshot}; {@code vmstate} (VMs only) includes RAM. */
    public PveTask create(String name, String description, boolean vmstate) {
        check(name);
        Violations.of("snapshot").check(!vmstate || guest.type() == GuestType.QEMU, "vmstate", "applies to VMs only").throwIfAny();
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("snapname", name);
        if (description != null && !description.isEmpty()) {
            p.put("description", description);
        }
        if (vmstate) {
            p.put("vmstate", true);
        }
        return client.api().task("POST", guest.template("/snapshot"), guest.params(p));
    }

    /** {@code POST .../snapshot/{snapname}/rollback}. */
    public PveTask rollback(String name) {
        check(name);
        return client.api().task("POST", guest.template("/snapshot/{snapname}/rollback"), guest.params(Map.of("snapname", name)));
    }

    /** {@code DELETE .../snapshot/{snapname}}. */
    public PveTask delete(String name) {
        check(name);
        return client.api().task("DELETE", guest.template("/snapshot/{snapname}"), guest.params(Map.of("snapname", name)));
    }

    static void check(String name) {
        Violations.of("snapshot").check(PveIds.isSnapshotName(name), "name",
                "'" + name + "' is not a snapshot name (a letter, then letters, digits or '_', 2 to 40 characters)").throwIfAny();
    }
}
