/**
 * A Proxmox Backup Server client: datastores, namespaces, backup groups and snapshots as typed
 * reads, and changes (namespaces, group owners, snapshot protection and notes, verification, a
 * group's prune planned locally with the core retention engine, garbage collection, prune, verify
 * and sync jobs, remotes, traffic-control rules, and a Proxmox VE guest's backup into PBS as one
 * change) with plan, journal and rollback. It speaks through
 * the transport, authentication, TLS pinning, task and error machinery it shares with ops-pve (ops-proxmox), in the PBS dialect.
 */
@OpsStyle
package dev.ops.pbs;

import dev.ops.core.value.OpsStyle;
