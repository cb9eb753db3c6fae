/** Benchmarks of ops-net: address allocation throughput and interfaces-file parsing. */
package dev.ops.bench.net;
