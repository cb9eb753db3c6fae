/**
 * The typed errors of the Proxmox clients (VE and Backup Server). Each extends an ops-core error, and the HTTP ones also
 * implement {@link dev.ops.proxmox.error.ProxmoxHttpError} (status, method, path, the server's message).
 */
package dev.ops.proxmox.error;
