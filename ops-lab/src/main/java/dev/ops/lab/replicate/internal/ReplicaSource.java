package dev.ops.lab.replicate.internal;

import dev.ops.pve.guest.Guest;
import dev.ops.pve.guest.GuestConfig;
import dev.ops.pve.guest.GuestType;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The guest a replication copies, as read from the cluster when the request is made.
 *
 * @param guest its handle
 * @param template whether it is a template
 * @param origin the site template's name (or the guest's own name) replicas descend from
 * @param net0 its first NIC's config; empty when none
 * @param bridge the bridge its first NIC is on (vmbr0 when none)
 */
public record ReplicaSource(Guest guest, boolean template, String origin, String net0, String bridge) {
    private static final Pattern BRIDGE = Pattern.compile("\\bbridge=([A-Za-z0-9_.-]+)");

    /** {@code guest} as its config reads now; its origin is {@code origin}, or the guest's own name when that is empty. */
    public static ReplicaSource read(Guest guest, String origin) {
        GuestConfig cfg = guest.config();
        String net0 = cfg.net(0).orElse("");
        Matcher m = BRIDGE.matcher(net0);
        String name = !origin.isEmpty() ? origin : (guest.type() == GuestType.LXC ? cfg.get("hostname") : cfg.name())
                .orElse(Integer.toString(guest.vmid()));
        return new ReplicaSource(guest, cfg.template(), name, net0, m.find() ? m.group(1) : "vmbr0");
    }

    public String node() {
        return guest.node();
    }

    public int vmid() {
        return guest.vmid();
    }

    public GuestType type() {
        return guest.type();
    }
}
