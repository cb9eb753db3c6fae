/** IP address management per node subnet, backed by the state store: {@link dev.ops.net.ipam.IpAllocator}. */
package dev.ops.net.ipam;
