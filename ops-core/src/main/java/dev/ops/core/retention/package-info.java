/**
 * One pure retention model for every kind of snapshot ops keeps (ZFS, Btrfs, LVM, Proxmox backups):
 * which snapshots go, and which rule keeps each one that stays. Proxmox Backup Server's prune
 * semantics exactly, plus an age limit, a count limit and a minimum-age guard.
 */
@OpsStyle
package dev.ops.core.retention;

import dev.ops.core.value.OpsStyle;
