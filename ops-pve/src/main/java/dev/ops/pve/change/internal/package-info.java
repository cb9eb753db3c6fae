/**
 * The base of changes made through the Proxmox VE API: {@link dev.ops.pve.change.internal.PveChange}, an
 * {@link dev.ops.proxmox.change.internal.ApiChange} on a {@link dev.ops.pve.PveClient}. Its steps are
 * {@link dev.ops.proxmox.change.ApiCallAction}s, shared with the Backup Server client.
 */
package dev.ops.pve.change.internal;
