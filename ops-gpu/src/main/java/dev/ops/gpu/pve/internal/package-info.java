/** How mappings and hostpci entries are changed through the Proxmox API; not API. */
package dev.ops.gpu.pve.internal;
