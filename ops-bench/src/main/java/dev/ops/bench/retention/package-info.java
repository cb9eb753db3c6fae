/** Benchmarks of the retention engine (ops-core {@code dev.ops.core.retention}). */
package dev.ops.bench.retention;
