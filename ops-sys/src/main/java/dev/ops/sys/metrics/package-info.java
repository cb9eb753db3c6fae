/** Metrics from /proc counters turned into rates, and alert rules that fire and resolve: {@link dev.ops.sys.metrics.Metrics}. */
package dev.ops.sys.metrics;
