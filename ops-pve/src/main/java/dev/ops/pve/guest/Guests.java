package dev.ops.pve.guest;

import dev.ops.pve.PveClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The VMs ({@code qemu}) or the containers ({@code lxc}) of one node, read-only. Creating, cloning
 * and restoring guests are changes of {@link PveClient#guests(dev.ops.core.Ops)}.
 */
public final class Guests {
    private final PveClient client;
    private final String node;
    private final GuestType type;

    static {
        dev.ops.proxmox.internal.Handles.register(Guests.class, a -> new Guests((PveClient) a[0], (String) a[1], (GuestType) a[2]));
    }

    Guests(PveClient client, String node, GuestType type) {
        this.client = client;
        this.node = node;
        this.type = type;
    }

    /** The type. */
    public GuestType type() {
        return type;
    }

    /** {@code GET /nodes/{node}/qemu} or {@code .../lxc}. */
    public List<GuestSummary> list() {
        List<GuestSummary> out = new ArrayList<>();
        client.api().list("/nodes/{node}/" + type.segment(), Map.of("node", node), GuestSummary.class).forEach(g -> out.add(g.ofType(type)));
        return out;
    }

    /** The guest with that VMID as listed, or empty when this node has none of this type. */
    public Optional<GuestSummary> get(int vmid) {
        return list().stream().filter(g -> g.vmid() == vmid).findFirst();
    }

    /** The VM with that VMID (for {@code qemu()}); not checked to exist until read. */
    public Guest vm(int vmid) {
        return guest(vmid);
    }

    /** The container with that VMID (for {@code lxc()}); not checked to exist until read. */
    public Guest container(int vmid) {
        return guest(vmid);
    }

    /** The guest with that VMID; not checked to exist until read. */
    public Guest guest(int vmid) {
        return new Guest(client, node, type, vmid);
    }
}
