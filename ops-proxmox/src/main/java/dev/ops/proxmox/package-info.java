/**
 * What the Proxmox VE and Proxmox Backup Server clients share: {@link dev.ops.proxmox.ProxmoxClient}
 * (HTTP transport, API token or ticket authentication in each product's dialect, TLS pinning, retries,
 * heavy-task slots), {@link dev.ops.proxmox.ProxmoxApi}, the untyped way out, and the JSON answers.
 * Applications build a product's client ({@code PveClient.builder()}, {@code PbsClient.builder()}).
 */
@OpsStyle
package dev.ops.proxmox;

import dev.ops.core.value.OpsStyle;
