/**
 * ZFS on a host: pools (status, health, scrub), datasets and volumes (create, set and inherit
 * properties, destroy with their dependants named), snapshots (create, recursive, list, rollback,
 * destroy, hold and release) and pruning by retention. Reads go through {@code zfs list|get -H -p},
 * {@code -j} JSON where the host's OpenZFS has it, or {@code zfs get -H -p} alone on CLIs without
 * {@code zfs list -p} (such as zfs-fuse), detected once per host.
 */
@OpsStyle
package dev.ops.sto.zfs;

import dev.ops.core.value.OpsStyle;
