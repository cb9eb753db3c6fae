/** Resource pools: list and read them; create, fill, empty and delete them through {@code PveChanges}. */
package dev.ops.pve.pool;
