/**
 * The typed errors of the Proxmox VE client. Each extends an ops-core error, and the HTTP ones also
 * implement {@link dev.ops.pve.error.PveHttpError} (status, method, path, the server's message).
 */
package dev.ops.pve.error;
