package dev.ops.pve.guest.internal;

import dev.ops.core.Ops;
import dev.ops.pve.internal.Wire;
import dev.ops.core.change.Planned;
import dev.ops.core.change.Step;
import dev.ops.core.error.ConflictException;
import dev.ops.core.error.NotFoundException;
import dev.ops.core.error.Violations;
import dev.ops.pve.PveClient;
import dev.ops.pve.PveIds;
import dev.ops.pve.guest.CloneRequest;
import dev.ops.pve.guest.Guest;
import dev.ops.pve.guest.GuestConfig;
import dev.ops.pve.guest.GuestType;
import dev.ops.pve.internal.GuestPaths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Clones a guest to an exact VMID ({@link GuestChanges#clone} takes one at apply first when the request
 * names none), then writes the cloud-init settings; the undo destroys the clone. No steps when the
 * VMID already holds a guest of the requested name on the target node.
 */
final class CloneChange extends GuestChange<Guest, Void> {
    private final CloneRequest request;
    private final int newId;
    private final Guest target;

    CloneChange(Ops ops, PveClient client, Guest source, CloneRequest request) {
        super(ops, client, source);
        this.request = request;
        this.newId = request.newId().orElseThrow();
        this.target = client.node(targetNode(source, request)).guest(source.type(), newId);
    }

    static String targetNode(Guest source, CloneRequest request) {
        return request.nodeOr(source.node());
    }

    static String what(Guest source, CloneRequest request) {
        return "clone " + source + request.name().map(n -> " as " + n).orElse("");
    }

    static void check(Violations v, Guest source, CloneRequest request) {
        v.check(request.cloudInit().isEmpty() || source.type() == GuestType.QEMU, "cloudInit", "applies to VMs only");
        PveIds.checkNode(v, "targetNode", targetNode(source, request));
    }

    /** What the clone refers to must exist: the source and, when named, its snapshot. Reads only. */
    static void requireSource(Guest source, CloneRequest request) {
        source.config();
        request.snapshot().ifPresent(s -> {
            if (source.snapshots().get(s).isEmpty()) {
                throw new NotFoundException("snapshot " + s + " of " + source, "does not exist, so it cannot be cloned from");
            }
        });
    }

    @Override
    protected String what() {
        return what(guest, request);
    }

    @Override
    protected void validate(Violations v) {
        check(v, guest, request);
    }

    @Override
    protected Planned<Void> planSteps() {
        requireSource(guest, request);
        Optional<GuestConfig> existing = target.findConfig();
        if (existing.isPresent()) {
            if (request.name().isEmpty() || request.name().equals(existing.get().name())) {
                return Planned.none(null);
            }
            throw new ConflictException("vmid/" + newId, "VMID " + newId + " exists already as '" + existing.get().name().orElse("") + "'",
                    false);
        }
        if (!client.cluster().isFree(newId)) {
            throw new ConflictException("vmid/" + newId, "VMID " + newId + " is taken in the cluster", false);
        }
        List<Step> steps = new ArrayList<>();
        steps.add(Step.of("clone " + guest + " to " + guest.type().segment() + "/" + newId + " on " + target.node(),
                heavyTask("POST", template("/clone"), params(Wire.clone(request, guest.type(), newId))),
                new GuestDestroyAction(client.name(), target.node(), guest.type(), newId)).undoneAlsoOnFailure());
        request.cloudInit().ifPresent(ci -> {
            Map<String, Object> ciParams = Wire.cloudInit(ci);
            steps.add(Step.of("write cloud-init settings of " + target,
                    call("PUT", GuestPaths.template(target, "/config"), GuestPaths.params(target, ciParams)),
                    call("PUT", GuestPaths.template(target, "/config"),
                            GuestPaths.params(target, Map.of("delete", String.join(",", ciParams.keySet()))))));
        });
        return Planned.of(steps);
    }

    @Override
    protected Guest result(Void none) {
        return target;
    }
}
