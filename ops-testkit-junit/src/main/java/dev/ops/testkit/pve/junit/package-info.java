/** A JUnit 5 extension that starts the fake Proxmox VE server and hands a client wired to it to tests. */
package dev.ops.testkit.pve.junit;
