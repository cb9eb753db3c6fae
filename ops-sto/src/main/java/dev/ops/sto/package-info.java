/**
 * ops-sto: storage on a Linux host, each feature in its own package:
 * {@link dev.ops.sto.btrfs.Btrfs} (subvolumes, read-only snapshots, default subvolume, quota groups),
 * {@link dev.ops.sto.zfs.Zfs} (pools, datasets, zvols, snapshots, holds),
 * {@link dev.ops.sto.lvm.Lvm} (PVs, VGs, thick and thin LVs and snapshots),
 * {@link dev.ops.sto.nfs.NfsExports} and {@link dev.ops.sto.smb.SmbShares}.
 * Retention comes from ops-core ({@link dev.ops.core.retention.RetentionPolicy}).
 * Every change goes through the ops change model: plan, apply, rollback.
 */
package dev.ops.sto;
