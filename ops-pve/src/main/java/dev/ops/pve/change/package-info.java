/**
 * The journal-storable actions of Proxmox changes: {@link dev.ops.pve.change.PveCallAction} (one HTTP
 * call, optionally awaiting its task) and {@link dev.ops.pve.change.GuestDestroyAction}; both find
 * their client through {@link dev.ops.core.change.Targets} by the client's name.
 */
package dev.ops.pve.change;
