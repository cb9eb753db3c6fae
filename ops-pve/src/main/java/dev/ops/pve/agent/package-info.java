/**
 * A VM's QEMU guest agent through Proxmox: {@link dev.ops.pve.agent.GuestAgent} reads OS info, host
 * name, interfaces and files and runs commands; writing a file is a change with rollback.
 */
package dev.ops.pve.agent;
