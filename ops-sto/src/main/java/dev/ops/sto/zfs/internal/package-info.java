/** How ZFS is read and changed through the zfs and zpool commands; not API. */
package dev.ops.sto.zfs.internal;
