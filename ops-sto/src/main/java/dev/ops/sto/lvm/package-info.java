/**
 * LVM on a host: physical volumes, volume groups, thick and thin logical volumes and snapshots,
 * read through {@code --reportformat json} (every value a string); a snapshot's fill level and
 * invalid state; rollback of an origin to a snapshot by {@code lvconvert --merge}, deferred until
 * the origin is next activated when it is in use.
 */
@OpsStyle
package dev.ops.sto.lvm;

import dev.ops.core.value.OpsStyle;
