/**
 * Proxmox tasks: {@link dev.ops.pve.task.Upid} parsing, {@link dev.ops.pve.task.PveTask} handles
 * and waiting with an adaptive {@link dev.ops.pve.task.PollPolicy} and an injectable
 * {@link dev.ops.pve.task.TimeSource}.
 */
package dev.ops.pve.task;
