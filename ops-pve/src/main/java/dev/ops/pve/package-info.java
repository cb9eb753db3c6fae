/**
 * The Proxmox VE client. Start with {@link dev.ops.pve.PveClient#builder()}; typed resources hang
 * off the client ({@code client.node("pve").qemu().vm(101)}), and {@link dev.ops.proxmox.ProxmoxApi} is the
 * untyped escape hatch for the rest of the API.
 */
@OpsStyle
package dev.ops.pve;

import dev.ops.core.value.OpsStyle;
