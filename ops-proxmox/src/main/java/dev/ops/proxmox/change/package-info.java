/**
 * What changes made through a Proxmox API are built from: {@link dev.ops.proxmox.change.internal.ApiChange},
 * the base of every such change (ops-pve's, ops-pbs's, and those of modules on them such as ops-usr's
 * Proxmox access), and {@link dev.ops.proxmox.change.ApiCallAction}, one HTTP call as a journal step
 * that finds its client through {@link dev.ops.core.change.Targets} by the client's name.
 */
package dev.ops.proxmox.change;
