/** Reachability checks with typed results: TCP, DNS, ICMP ping and path MTU: {@link dev.ops.net.reach.Reachability}. */
package dev.ops.net.reach;
