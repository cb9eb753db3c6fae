package dev.ops.net.ipam;

import dev.ops.net.Cidr;
import dev.ops.net.IpAddress;
import java.time.Instant;
import java.util.Optional;

/**
 * An address handed to an owner.
 *
 * @param node the node whose subnet it belongs to
 * @param pool the pool it came from; empty for an explicit assignment outside the pools
 * @param address the address
 * @param subnet the subnet it lies in
 * @param gateway the subnet's gateway
 * @param owner who holds it (e.g. {@code vm/101})
 * @param at when it was handed out
 */
public record Allocation(String node, Optional<Pool> pool, IpAddress address, Cidr subnet, Optional<IpAddress> gateway,
        String owner, Instant at) {

    /** The address with the subnet's prefix, as an interface is configured: {@code 192.168.2.100/24}. */
    public Cidr cidr() {
        return Cidr.of(address, subnet.prefix());
    }
}
