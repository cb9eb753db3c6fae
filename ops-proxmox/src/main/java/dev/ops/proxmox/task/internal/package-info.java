/** The task changes behind the product clients' change sets (stop a task); not API. */
package dev.ops.proxmox.task.internal;
