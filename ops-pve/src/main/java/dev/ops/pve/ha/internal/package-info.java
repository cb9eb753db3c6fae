/** The changes of HA resources, made by {@link dev.ops.pve.ha.internal.HaChanges}. */
package dev.ops.pve.ha.internal;
