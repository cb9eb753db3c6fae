/**
 * The lab's metadata catalog in the state store of {@code Ops} (file store or PostgreSQL): resource
 * metadata (origin, template, replica flag, network, naming compliance) and replication tasks with
 * per-target results; IP allocations with their dates are ops-net's, read through here.
 */
package dev.ops.lab.catalog;
