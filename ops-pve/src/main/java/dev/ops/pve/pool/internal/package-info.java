/** The changes of resource pools, made by {@link dev.ops.pve.pool.internal.PoolChanges}. */
package dev.ops.pve.pool.internal;
