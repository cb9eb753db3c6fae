/**
 * Restoring a backup (vzdump, or PBS through a PBS storage) on any node under a new identity: a
 * VMID, a name, an address and a MAC from the same allocators as replication, recorded in the catalog.
 */
package dev.ops.lab.restore;
