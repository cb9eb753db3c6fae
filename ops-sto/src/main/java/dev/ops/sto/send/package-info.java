/**
 * Replication of snapshots between hosts: {@code zfs send -i | zfs receive -s} (resuming from a
 * receive resume token when the target has one) and {@code btrfs send -p | btrfs receive}, streamed
 * through a pipe on the sending host, never through this JVM's memory.
 */
package dev.ops.sto.send;
