/** The cluster changes behind {@link dev.ops.pve.PveChanges}; not API. */
package dev.ops.pve.cluster.internal;
