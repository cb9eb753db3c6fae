/** Shared pieces of the benchmarks: medians, machine description, the Ansible runner. */
package dev.ops.bench.support;
