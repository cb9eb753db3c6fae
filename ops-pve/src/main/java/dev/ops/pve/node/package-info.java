/** Nodes: status, guests, tasks, storages and network config of one node. */
@OpsStyle
package dev.ops.pve.node;

import dev.ops.core.value.OpsStyle;
