/** The node and cluster option changes behind {@link dev.ops.pve.PveChanges}; not API. */
package dev.ops.pve.node.internal;
