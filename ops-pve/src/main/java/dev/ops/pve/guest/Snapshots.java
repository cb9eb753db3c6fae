package dev.ops.pve.guest;

import dev.ops.pve.PveClient;
import dev.ops.pve.internal.GuestPaths;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The snapshots of one guest, read-only. Taking, rolling back to and deleting snapshots are changes
 * of {@link PveClient#guests(dev.ops.core.Ops)}.
 */
public final class Snapshots {
    private final PveClient client;
    private final Guest guest;

    Snapshots(PveClient client, Guest guest) {
        this.client = client;
        this.guest = guest;
    }

    /** {@code GET .../snapshot}, without Proxmox's {@code current} pseudo-entry. */
    public List<Snapshot> list() {
        return client.api().list(GuestPaths.template(guest, "/snapshot"), GuestPaths.params(guest, Map.of()), Snapshot.class).stream()
                .filter(s -> !s.isCurrent()).toList();
    }

    /** The snapshot of that name, if it exists. */
    public Optional<Snapshot> get(String name) {
        return list().stream().filter(s -> s.name().equals(name)).findFirst();
    }
}
