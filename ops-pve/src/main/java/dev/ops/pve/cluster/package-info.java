/** Cluster-wide reads: version, status, resources, next free VMID. */
package dev.ops.pve.cluster;
