/**
 * QEMU VMs and LXC containers: listing, status, config read and update, create, clone, power
 * actions, templates, migration and snapshots, with Immutables request values.
 */
@OpsStyle
package dev.ops.pve.guest;

import dev.ops.core.value.OpsStyle;
