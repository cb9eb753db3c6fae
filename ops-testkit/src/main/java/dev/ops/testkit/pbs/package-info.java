/**
 * A fake Proxmox Backup Server for tests, on the PVE fake's foundation: every request is checked
 * against the official PBS 4.2 schema, and the server keeps state (datastores, namespaces, groups,
 * snapshots with protection and notes) that its answers and changes follow.
 */
package dev.ops.testkit.pbs;
