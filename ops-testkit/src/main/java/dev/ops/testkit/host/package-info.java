/** Hosts for tests that answer commands from scripts. */
package dev.ops.testkit.host;
