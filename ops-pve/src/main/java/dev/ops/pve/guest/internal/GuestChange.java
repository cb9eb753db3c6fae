package dev.ops.pve.guest.internal;

import dev.ops.core.Ops;
import dev.ops.core.error.NotFoundException;
import dev.ops.proxmox.change.ApiCallAction;
import dev.ops.pve.PveClient;
import dev.ops.pve.change.internal.PveChange;
import dev.ops.pve.guest.Guest;
import dev.ops.pve.guest.GuestConfig;
import dev.ops.pve.guest.GuestStatus;
import dev.ops.pve.internal.GuestPaths;
import java.util.Map;
import java.util.Optional;

/** A change of one existing guest, with the calls on its endpoints. */
abstract class GuestChange<T, C> extends PveChange<T, C> {
    protected final Guest guest;

    GuestChange(Ops ops, PveClient client, Guest guest) {
        super(ops, client);
        this.guest = guest;
    }

    /** {@code POST .../status/{action}}, awaited. */
    final ApiCallAction power(Guest g, String action) {
        return power(g, action, Map.of());
    }

    final ApiCallAction power(Guest g, String action, Map<String, ?> options) {
        return task("POST", GuestPaths.template(g, "/status/" + action), GuestPaths.params(g, options));
    }

    final String template(String suffix) {
        return GuestPaths.template(guest, suffix);
    }

    final Map<String, Object> params(Map<String, ?> extra) {
        return GuestPaths.params(guest, extra);
    }

    /** The guest's status; a typed not-found error when it does not exist. */
    final GuestStatus status() {
        return guest.status();
    }

    /** The guest's config; a typed not-found error when it does not exist. */
    final GuestConfig config() {
        return guest.config();
    }

    static Optional<GuestStatus> findStatus(Guest g) {
        try {
            return Optional.of(g.status());
        } catch (NotFoundException gone) {
            return Optional.empty();
        }
    }
}
