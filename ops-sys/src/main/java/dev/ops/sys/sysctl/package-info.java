/** Kernel parameters: read, set live, persist in /etc/sysctl.d, with rollback: {@link dev.ops.sys.sysctl.Sysctl}. */
package dev.ops.sys.sysctl;
