/**
 * Proxmox tasks: {@link dev.ops.proxmox.task.Upid} parsing, {@link dev.ops.proxmox.task.ProxmoxTask} handles
 * and waiting with an adaptive {@link dev.ops.proxmox.task.PollPolicy} and an injectable
 * {@link dev.ops.proxmox.task.TimeSource}.
 */
package dev.ops.proxmox.task;
