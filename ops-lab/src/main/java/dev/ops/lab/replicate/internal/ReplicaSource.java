package dev.ops.lab.replicate.internal;

import dev.ops.pve.guest.Guest;
import dev.ops.pve.guest.GuestType;

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
