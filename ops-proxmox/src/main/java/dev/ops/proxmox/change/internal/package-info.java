/**
 * The base of changes made through a Proxmox API ({@link dev.ops.proxmox.change.internal.ApiChange}),
 * which the product modules' change classes extend; not for applications.
 */
package dev.ops.proxmox.change.internal;
