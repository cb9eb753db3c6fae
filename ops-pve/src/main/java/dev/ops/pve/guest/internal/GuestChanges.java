package dev.ops.pve.guest.internal;

import dev.ops.core.Ops;
import dev.ops.pve.internal.Wire;
import dev.ops.core.change.Change;
import dev.ops.pve.PveClient;
import dev.ops.pve.guest.CloneRequest;
import dev.ops.pve.guest.ConfigUpdate;
import dev.ops.pve.guest.CreateContainerRequest;
import dev.ops.pve.guest.CreateVmRequest;
import dev.ops.pve.guest.Guest;
import dev.ops.pve.guest.ShutdownRequest;
import dev.ops.pve.guest.GuestConfig;
import dev.ops.pve.guest.GuestStatus;
import dev.ops.pve.guest.GuestType;
import dev.ops.pve.guest.MigrateRequest;
import dev.ops.pve.guest.Snapshot;
import dev.ops.pve.guest.SnapshotRequest;
import dev.ops.pve.guest.internal.PowerChange.Power;
import dev.ops.pve.node.Node;
import dev.ops.pve.vmid.internal.TakeVmidChange;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.function.IntFunction;
import java.util.Map;

/** Makes the changes of guests; {@link dev.ops.pve.PveChanges} is the public face. */
public final class GuestChanges {
    private GuestChanges() {}

    public static Change<GuestStatus> start(Ops ops, PveClient client, Guest g) {
        return new PowerChange(ops, client, g, Power.START);
    }

    public static Change<GuestStatus> stop(Ops ops, PveClient client, Guest g) {
        return new PowerChange(ops, client, g, Power.STOP);
    }

    public static Change<GuestStatus> shutdown(Ops ops, PveClient client, Guest g) {
        return new PowerChange(ops, client, g, Power.SHUTDOWN);
    }

    public static Change<GuestStatus> shutdown(Ops ops, PveClient client, Guest g, ShutdownRequest request) {
        Map<String, Object> options = new LinkedHashMap<>();
        request.timeout().ifPresent(t -> options.put("timeout", t.toSeconds()));
        if (request.forceStop()) {
            options.put("forceStop", 1);
        }
        return new PowerChange(ops, client, g, Power.SHUTDOWN, options);
    }

    public static Change<GuestStatus> reboot(Ops ops, PveClient client, Guest g) {
        return new PowerChange(ops, client, g, Power.REBOOT);
    }

    public static Change<GuestStatus> suspend(Ops ops, PveClient client, Guest g) {
        return new PowerChange(ops, client, g, Power.SUSPEND);
    }

    public static Change<GuestStatus> resume(Ops ops, PveClient client, Guest g) {
        return new PowerChange(ops, client, g, Power.RESUME);
    }


    public static Change<GuestConfig> updateConfig(Ops ops, PveClient client, Guest g, ConfigUpdate update) {
        return new ConfigChange(ops, client, g, update);
    }

    /**
     * A clone: to the request's VMID, or to one taken at apply (a journaled reservation, released by
     * rollback) and then cloned to in the same journal record. Either way the plan fails with a
     * not-found error when the source (or its named snapshot) does not exist.
     */
    public static Change<Guest> clone(Ops ops, PveClient client, Guest source, CloneRequest request) {
        if (request.newId().isPresent()) {
            return new CloneChange(ops, client, source, request);
        }
        return TakeVmidChange.then(ops, client, CloneChange.what(source, request), v -> CloneChange.check(v, source, request), () -> {
            CloneChange.requireSource(source, request);
            List<String> then = new ArrayList<>();
            then.add("then, at apply: clone " + source + " to the VMID taken, on " + CloneChange.targetNode(source, request)
                    + " (undone by destroying the clone)");
            request.cloudInit().ifPresent(ci -> then.add("then, at apply: write the cloud-init settings " + Wire.cloudInit(ci).keySet()
                    + " into the clone's config"));
            return then;
        }, id -> new CloneChange(ops, client, source, request.toBuilder().newId(id).build()));
    }

    public static Change<Guest> createVm(Ops ops, PveClient client, Node node, CreateVmRequest request) {
        return create(ops, client, node, GuestType.QEMU, request.vmid().isPresent() ? request.vmid().getAsInt() : 0, request.name(),
                id -> Wire.createVm(request, id));
    }

    public static Change<Guest> createContainer(Ops ops, PveClient client, Node node, CreateContainerRequest request) {
        return create(ops, client, node, GuestType.LXC, request.vmid().isPresent() ? request.vmid().getAsInt() : 0, request.hostname(),
                id -> Wire.createContainer(request, id));
    }

    /** {@code vmid} 0: taken at apply. */
    private static Change<Guest> create(Ops ops, PveClient client, Node node, GuestType type, int vmid, Optional<String> name,
            IntFunction<Map<String, Object>> params) {
        if (vmid != 0) {
            return new CreateChange(ops, client, node.name(), type, vmid, true, name, params);
        }
        return TakeVmidChange.then(ops, client, CreateChange.what(type, node.name(), name), v -> {}, () -> List.of(
                "then, at apply: create the " + (type == GuestType.QEMU ? "VM" : "container") + " with the VMID taken on " + node.name()
                        + " (undone by destroying it)"),
                id -> new CreateChange(ops, client, node.name(), type, id, false, name, params));
    }

    public static Change<Boolean> delete(Ops ops, PveClient client, Guest g) {
        return new DeleteChange(ops, client, g);
    }

    public static Change<GuestConfig> convertToTemplate(Ops ops, PveClient client, Guest g) {
        return new TemplateChange(ops, client, g);
    }

    public static Change<Guest> migrate(Ops ops, PveClient client, Guest g, MigrateRequest request) {
        return new MigrateChange(ops, client, g, request);
    }

    public static Change<Snapshot> snapshot(Ops ops, PveClient client, Guest g, SnapshotRequest request) {
        return new SnapshotChange(ops, client, g, request);
    }

    public static Change<GuestConfig> rollbackToSnapshot(Ops ops, PveClient client, Guest g, String name) {
        return new SnapshotRollbackChange(ops, client, g, name);
    }

    public static Change<Boolean> deleteSnapshot(Ops ops, PveClient client, Guest g, String name) {
        return new SnapshotDeleteChange(ops, client, g, name);
    }

    public static Change<GuestConfig> moveDisk(Ops ops, PveClient client, Guest g, String disk, String storage) {
        return new MoveDiskChange(ops, client, g, disk, storage);
    }

    public static Change<GuestConfig> resizeDisk(Ops ops, PveClient client, Guest g, String disk, String size) {
        return new ResizeDiskChange(ops, client, g, disk, size);
    }
}
