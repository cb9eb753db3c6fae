/**
 * Btrfs subvolumes and read-only snapshots (create, list, show, delete, default subvolume) and quota
 * groups, read from btrfs-progs' text output, with paths holding spaces and newlines kept whole.
 */
@OpsStyle
package dev.ops.sto.btrfs;

import dev.ops.core.value.OpsStyle;
