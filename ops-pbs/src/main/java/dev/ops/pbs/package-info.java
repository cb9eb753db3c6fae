/**
 * A Proxmox Backup Server client: datastores, namespaces, backup groups and snapshots as typed
 * reads, and changes (namespace create, snapshot protection and notes, a group's prune planned
 * locally with the core retention engine) with plan, journal and rollback. It speaks through
 * ops-pve's transport, authentication, TLS pinning, task and error machinery, in the PBS dialect.
 */
@OpsStyle
package dev.ops.pbs;

import dev.ops.core.value.OpsStyle;
