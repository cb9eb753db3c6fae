package dev.ops.pve.ha.internal;

import dev.ops.core.Ops;
import dev.ops.core.change.Change;
import dev.ops.pve.PveClient;
import dev.ops.pve.guest.Guest;
import dev.ops.pve.ha.HaRequest;
import dev.ops.pve.ha.HaResource;

/** Makes the changes of HA resources; {@link dev.ops.pve.PveChanges} is the public face. */
public final class HaChanges {
    private HaChanges() {}

    public static Change<HaResource> add(Ops ops, PveClient client, Guest g, HaRequest request) {
        return new HaAddChange(ops, client, g, request);
    }

    public static Change<Boolean> remove(Ops ops, PveClient client, Guest g) {
        return new HaRemoveChange(ops, client, g);
    }
}
