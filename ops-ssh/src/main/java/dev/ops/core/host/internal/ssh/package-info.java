/** The sshj-based implementation behind {@link dev.ops.core.host.SshHost}; no type here is public API. */
package dev.ops.core.host.internal.ssh;
