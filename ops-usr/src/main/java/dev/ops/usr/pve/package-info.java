/**
 * Proxmox VE users, groups, API tokens and ACLs as changes ({@link dev.ops.usr.pve.ProxmoxAccess}),
 * sent through the {@code ops-pve} client: plans show the exact method, path and body with secrets
 * masked, rollbacks send the opposite calls.
 */
@OpsStyle
package dev.ops.usr.pve;

import dev.ops.core.value.OpsStyle;
