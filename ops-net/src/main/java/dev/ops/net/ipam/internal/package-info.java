/** The allocation engine and the changes behind {@link dev.ops.net.ipam.IpAllocator}; not API. */
package dev.ops.net.ipam.internal;
