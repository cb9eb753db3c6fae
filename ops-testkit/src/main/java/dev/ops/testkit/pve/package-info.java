/**
 * A fake Proxmox VE API server ({@link dev.ops.testkit.pve.PveFakeServer}) that enforces the real API schema
 * and keeps cluster state, for tests of code that talks to Proxmox VE.
 */
package dev.ops.testkit.pve;
