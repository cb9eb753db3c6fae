/**
 * ops-sys: a Linux host's system layer, each feature in its own package:
 * {@link dev.ops.sys.facts.Facts} (facts in one round trip), {@link dev.ops.sys.metrics.Metrics}
 * (rates and alerts), {@link dev.ops.sys.process.Processes}, {@link dev.ops.sys.pkg.Packages}
 * (apt/dpkg), {@link dev.ops.sys.sysctl.Sysctl}, {@link dev.ops.sys.identity.Hostname} and
 * {@link dev.ops.sys.identity.TimeZone}, and {@link dev.ops.sys.window.MaintenanceWindow}.
 * Every change goes through the ops change model: plan, apply, rollback.
 */
package dev.ops.sys;
