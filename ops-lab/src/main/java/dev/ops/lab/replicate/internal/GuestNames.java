package dev.ops.lab.replicate.internal;

import dev.ops.pve.PveClient;
import dev.ops.pve.guest.GuestSummary;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** The names of the guests on a node, so that a new name is taken above every sequence already used there. */
public final class GuestNames {
    private GuestNames() {}

    /** The VM and container names on {@code node}. */
    public static List<String> on(PveClient client, String node) {
        List<String> names = new ArrayList<>();
        client.node(node).qemu().list().stream().map(GuestSummary::name).forEach(names::add);
        client.node(node).lxc().list().stream().map(GuestSummary::name).forEach(names::add);
        names.removeIf(Objects::isNull);
        return names;
    }
}
