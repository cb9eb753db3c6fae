/** The claims and the changes behind {@link dev.ops.net.mac.MacAllocator}; not API. */
package dev.ops.net.mac.internal;
