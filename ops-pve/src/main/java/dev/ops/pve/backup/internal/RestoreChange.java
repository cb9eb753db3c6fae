package dev.ops.pve.backup.internal;

import dev.ops.core.Ops;
import dev.ops.core.change.Planned;
import dev.ops.core.change.Step;
import dev.ops.core.error.ConflictException;
import dev.ops.core.error.NotFoundException;
import dev.ops.proxmox.change.ApiCallAction;
import dev.ops.pve.PveClient;
import dev.ops.pve.backup.RestoreRequest;
import dev.ops.pve.change.internal.PveChange;
import dev.ops.pve.guest.Guest;
import dev.ops.pve.guest.GuestType;
import dev.ops.pve.guest.internal.GuestDestroyAction;
import dev.ops.pve.internal.Wire;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Restores a backup volume as a guest; the undo destroys the restored guest. Overwriting an existing
 * guest needs {@code force} and cannot be undone.
 */
final class RestoreChange extends PveChange<Guest, Void> {
    private final String node;
    private final GuestType type;
    private final RestoreRequest request;
    private final Guest guest;

    RestoreChange(Ops ops, PveClient client, String node, GuestType type, RestoreRequest request) {
        super(ops, client);
        this.node = node;
        this.type = type;
        this.request = request;
        this.guest = client.node(node).guest(type, request.vmid());
    }

    @Override
    protected String what() {
        return "restore " + request.archive() + " as " + guest;
    }

    @Override
    protected Planned<Void> planSteps() {
        String archive = request.archive();
        boolean checked = !archive.startsWith("/");
        if (checked) {
            String storage = archive.substring(0, archive.indexOf(':'));
            if (client.node(node).storage(storage).get(archive).isEmpty()) {
                throw new NotFoundException("backup " + archive, "is not in storage " + storage + " on node " + node);
            }
        }
        boolean exists = guest.findConfig().isPresent();
        if (exists && !request.force().orElse(false)) {
            throw new ConflictException(guest.toString(), "exists; restoring over it needs force(true), which cannot be undone", false);
        }
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("node", node);
        p.putAll(Wire.restore(request, type));
        ApiCallAction action = heavyTask("POST", "/nodes/{node}/" + type.segment(), p);
        Planned<Void> planned = Planned.of(List.of(exists ? Step.irreversible("restore over " + guest, action)
                : Step.of("restore " + guest, action, new GuestDestroyAction(client.name(), node, type, request.vmid())).undoneAlsoOnFailure()));
        return checked ? planned : planned.withNote("the archive is a path on " + node + ", which the API cannot list; its existence is checked by the restore");
    }

    @Override
    protected Guest result(Void none) {
        return guest;
    }
}
