package dev.ops.pve.guest.internal;

import dev.ops.core.Ops;
import dev.ops.core.change.Planned;
import dev.ops.core.change.Step;
import dev.ops.core.error.ConflictException;
import dev.ops.pve.PveClient;
import dev.ops.pve.guest.Guest;
import dev.ops.pve.guest.GuestConfig;
import dev.ops.pve.guest.GuestType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntFunction;

/**
 * Creates a VM or container with an exact VMID ({@link GuestChanges} takes one at apply first when the
 * request names none); the undo destroys it. No steps when the VMID holds a guest of that name.
 */
final class CreateChange extends ApiChangeOfNode<Guest> {
    private final GuestType type;
    private final int vmid;
    private final boolean explicitId;
    private final Optional<String> name;
    private final IntFunction<Map<String, Object>> params;

    CreateChange(Ops ops, PveClient client, String node, GuestType type, int vmid, boolean explicitId, Optional<String> name,
            IntFunction<Map<String, Object>> params) {
        super(ops, client, node);
        this.type = type;
        this.vmid = vmid;
        this.explicitId = explicitId;
        this.name = name;
        this.params = params;
    }

    static String what(GuestType type, String node, Optional<String> name) {
        return "create " + (type == GuestType.QEMU ? "VM " : "container ") + name.orElse("") + " on " + node;
    }

    @Override
    protected String what() {
        return what(type, node, name);
    }

    @Override
    protected Planned<Void> planSteps() {
        Guest g = guest();
        if (alreadyThere(g)) {
            return Planned.none(null);
        }
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("node", node);
        p.putAll(params.apply(vmid));
        return Planned.of(List.of(Step.of("create " + g, heavyTask("POST", "/nodes/{node}/" + type.segment(), p),
                new GuestDestroyAction(client.name(), node, type, vmid)).undoneAlsoOnFailure()));
    }

    /** Whether the VMID already holds this guest (only when the caller named the id: a taken id is fresh). */
    private boolean alreadyThere(Guest g) {
        if (!explicitId) {
            return false;
        }
        Optional<GuestConfig> existing = g.findConfig();
        if (existing.isEmpty()) {
            if (!client.cluster().isFree(vmid)) {
                throw new ConflictException("vmid/" + vmid, "VMID " + vmid + " is taken in the cluster", false);
            }
            return false;
        }
        if (name.isEmpty() || name.equals(existing.get().name())) {
            return true;
        }
        throw new ConflictException("vmid/" + vmid, "VMID " + vmid + " exists already as '" + existing.get().name().orElse("") + "'", false);
    }

    private Guest guest() {
        return client.node(node).guest(type, vmid);
    }

    @Override
    protected Guest result(Void none) {
        return guest();
    }
}
