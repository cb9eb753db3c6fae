/** Nodes: status, guests, tasks, storages and network config of one node. */
package dev.ops.pve.node;
