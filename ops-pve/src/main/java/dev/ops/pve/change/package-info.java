/**
 * What changes made through the Proxmox API are built from: {@link dev.ops.pve.change.ApiChange},
 * the base of every such change (in ops-pve and in modules on it, such as ops-usr's Proxmox access),
 * and {@link dev.ops.pve.change.PveCallAction}, one HTTP call as a journal step that finds its client
 * through {@link dev.ops.core.change.Targets} by the client's name.
 */
package dev.ops.pve.change;
