/** Benchmarks of ops-sto against the same commands run by bash. */
package dev.ops.bench.sto;
