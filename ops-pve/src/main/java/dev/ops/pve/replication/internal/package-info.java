/** The replication changes behind {@link dev.ops.pve.PveChanges}; not API. */
package dev.ops.pve.replication.internal;
