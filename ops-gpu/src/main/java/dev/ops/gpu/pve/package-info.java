/**
 * The Proxmox side of passthrough: {@code hostpciN} values ({@link dev.ops.gpu.pve.HostPci}), PCI resource
 * mappings ({@link dev.ops.gpu.pve.PciMapping}) and the changes that set them: {@link dev.ops.gpu.pve.Passthrough}.
 */
package dev.ops.gpu.pve;
