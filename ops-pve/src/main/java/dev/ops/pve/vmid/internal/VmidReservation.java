package dev.ops.pve.vmid.internal;

/**
 * A VMID reserved for one caller: no other allocator sharing the store hands it out until it is
 * released or its reservation expires (by then the guest exists and the cluster itself refuses the id).
 *
 * @param vmid the reserved id
 * @param key the store key holding the reservation
 */
public record VmidReservation(int vmid, String key) {}
