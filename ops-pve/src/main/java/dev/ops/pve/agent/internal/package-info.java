/** The guest-agent changes behind {@link dev.ops.pve.PveChanges}; not API. */
package dev.ops.pve.agent.internal;
