/** VMIDs taken at apply: the journaled take and release of a reservation, and the change that takes one. */
package dev.ops.pve.vmid.internal;
