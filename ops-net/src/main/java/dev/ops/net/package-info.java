/**
 * Host networking for ops: live links through iproute2 ({@link dev.ops.net.link.Network}),
 * {@code /etc/network/interfaces} ({@link dev.ops.net.ifupdown.InterfacesFile}), IP, MAC and name
 * allocation ({@link dev.ops.net.ipam.IpAllocator}) and reachability checks; this package holds
 * the address values they share.
 */
package dev.ops.net;
