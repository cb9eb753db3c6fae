/** Live links, addresses and routes through iproute2 with plan, apply and rollback: {@link dev.ops.net.link.Network}. */
package dev.ops.net.link;
