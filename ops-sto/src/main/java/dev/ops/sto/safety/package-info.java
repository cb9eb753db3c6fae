/**
 * A safety snapshot around a risky change: snapshot a volume (ZFS dataset, Btrfs subvolume, LVM
 * logical volume), apply the change, run a check, and on failure roll the volume back; one plan,
 * one journal record, one rollback.
 */
package dev.ops.sto.safety;
