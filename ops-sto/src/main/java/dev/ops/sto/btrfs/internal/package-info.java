/** How Btrfs is read and changed through btrfs-progs; not API. */
package dev.ops.sto.btrfs.internal;
