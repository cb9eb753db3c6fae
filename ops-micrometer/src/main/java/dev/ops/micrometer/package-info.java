/**
 * Micrometer meters for ops: {@link dev.ops.micrometer.OpsMetrics} (an {@code ApplyListener} for {@code Ops}),
 * {@link dev.ops.micrometer.PveMetrics} (a {@code ProxmoxListener} for {@code PveClient}) and
 * {@link dev.ops.micrometer.HostMetrics} (a {@code Host} that times its commands). docs/observability.md lists every
 * meter and tag.
 */
package dev.ops.micrometer;
