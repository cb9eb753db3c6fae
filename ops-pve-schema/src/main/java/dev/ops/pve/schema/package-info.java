/**
 * The Proxmox VE API schema as data: {@code /dev/ops/pve/schema/pve-apidata.json.gz} on the class path holds PVE 9.1's
 * API viewer tree (every path, method, parameter and permission check), which ops-testkit's fake server enforces.
 *
 * <p>Proxmox publishes the schema under the AGPL-3.0 ({@code /dev/ops/pve/schema/NOTICE} says where it comes from);
 * this artifact holds nothing else, so that its licence is stated where the data is and no other ops artifact is under
 * it. Only ops-testkit depends on it, for tests.
 */
package dev.ops.pve.schema;
