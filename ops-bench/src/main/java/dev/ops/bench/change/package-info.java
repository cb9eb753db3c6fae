/** Benchmarks of the change model: planning and rendering composites. */
package dev.ops.bench.change;
