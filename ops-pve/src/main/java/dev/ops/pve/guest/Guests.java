package dev.ops.pve.guest;

import dev.ops.core.error.Violations;
import dev.ops.pve.PveClient;
import dev.ops.pve.backup.RestoreRequest;
import dev.ops.pve.task.PveTask;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** The VMs ({@code qemu}) or the containers ({@code lxc}) of one node. */
public final class Guests {
    private final PveClient client;
    private final String node;
    private final GuestType type;

    public Guests(PveClient client, String node, GuestType type) {
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

    /** The VM with that VMID (for {@code qemu()}). */
    public Guest vm(int vmid) {
        return guest(vmid);
    }

    /** The container with that VMID (for {@code lxc()}). */
    public Guest container(int vmid) {
        return guest(vmid);
    }

    /** The guest with that VMID. */
    public Guest guest(int vmid) {
        return new Guest(client, node, type, vmid);
    }

    /** {@code POST /nodes/{node}/qemu}: creates a VM (the request must name its VMID). */
    public PveTask create(CreateVmRequest request) {
        requireType(GuestType.QEMU);
        Violations.of("VM create request").check(request.vmid().isPresent(), "vmid",
                "must be given (or use changes(ops).createVm(...), which allocates one)").throwIfAny();
        return client.api().heavyTask(node, "POST", "/nodes/{node}/qemu", with(request.toParams(request.vmid().getAsInt())));
    }

    /** {@code POST /nodes/{node}/lxc}: creates a container (the request must name its VMID). */
    public PveTask create(CreateContainerRequest request) {
        requireType(GuestType.LXC);
        Violations.of("container create request").check(request.vmid().isPresent(), "vmid",
                "must be given (or use changes(ops).createContainer(...), which allocates one)").throwIfAny();
        return client.api().heavyTask(node, "POST", "/nodes/{node}/lxc", with(request.toParams(request.vmid().getAsInt())));
    }

    /** Creates a VM from a request built by {@code edit}. */
    public PveTask createVm(Consumer<CreateVmRequest.Builder> edit) {
        CreateVmRequest.Builder b = CreateVmRequest.builder();
        edit.accept(b);
        return create(b.build());
    }

    /** Restores a backup volume as a new guest of this type ({@code archive} for VMs, {@code ostemplate}+{@code restore} for containers). */
    public PveTask restore(RestoreRequest request) {
        return client.api().heavyTask(node, "POST", "/nodes/{node}/" + type.segment(), with(request.toParams(type)));
    }

    private Map<String, Object> with(Map<String, Object> p) {
        Map<String, Object> out = new java.util.LinkedHashMap<>();
        out.put("node", node);
        out.putAll(p);
        return out;
    }

    private void requireType(GuestType expected) {
        if (type != expected) {
            throw new IllegalStateException("this is the " + type.segment() + " collection; use node.%s()".formatted(expected.segment()));
        }
    }
}
