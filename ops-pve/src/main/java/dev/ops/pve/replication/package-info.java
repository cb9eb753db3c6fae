/** Storage replication of guests between nodes: {@link dev.ops.pve.replication.Replication} jobs and their state. */
package dev.ops.pve.replication;
