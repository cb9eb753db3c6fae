/** Planning of Proxmox access changes: id rules, readers, and the journal-safe actions they use. */
package dev.ops.usr.pve.internal;
