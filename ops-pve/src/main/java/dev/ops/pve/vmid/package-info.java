/** VMID allocation that never hands out an id twice, across threads and processes. */
package dev.ops.pve.vmid;
