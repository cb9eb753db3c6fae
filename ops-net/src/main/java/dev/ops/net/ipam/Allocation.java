package dev.ops.net.ipam;

import dev.ops.net.Cidr;
import dev.ops.net.IpAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An address handed to an owner.
 *
 * <p>A value: built with {@link #builder()}, where an absent pool or gateway is simply not set;
 * {@code equals}, {@code hashCode} and {@code toString} go by the properties. The state store keeps
 * only owner, pool and time per address ({@code {"owner":..,"pool":..,"at":..}}), the pool left out
 * when absent; the rest comes from the subnet.
 */
public final class Allocation {
    private final String node;
    private final Pool pool;
    private final IpAddress address;
    private final Cidr subnet;
    private final IpAddress gateway;
    private final String owner;
    private final Instant at;

    private Allocation(Builder b) {
        this.node = Objects.requireNonNull(b.node, "node");
        this.pool = b.pool;
        this.address = Objects.requireNonNull(b.address, "address");
        this.subnet = Objects.requireNonNull(b.subnet, "subnet");
        this.gateway = b.gateway;
        this.owner = Objects.requireNonNull(b.owner, "owner");
        this.at = Objects.requireNonNull(b.at, "at");
    }

    /** A builder; node, address, subnet, owner and at are required, pool and gateway optional. */
    public static Builder builder() {
        return new Builder();
    }

    /** The node whose subnet it belongs to. */
    public String node() {
        return node;
    }

    /** The pool it came from; empty for an explicit assignment outside the pools. */
    public Optional<Pool> pool() {
        return Optional.ofNullable(pool);
    }

    /** The address. */
    public IpAddress address() {
        return address;
    }

    /** The subnet it lies in. */
    public Cidr subnet() {
        return subnet;
    }

    /** The subnet's gateway. */
    public Optional<IpAddress> gateway() {
        return Optional.ofNullable(gateway);
    }

    /** Who holds it (e.g. {@code vm/101}). */
    public String owner() {
        return owner;
    }

    /** When it was handed out. */
    public Instant at() {
        return at;
    }

    /** The address with the subnet's prefix, as an interface is configured: {@code 192.168.2.100/24}. */
    public Cidr cidr() {
        return Cidr.of(address, subnet.prefix());
    }

    @Override
    public boolean equals(Object o) {
        return o == this || o instanceof Allocation a && node.equals(a.node) && pool == a.pool && address.equals(a.address)
                && subnet.equals(a.subnet) && Objects.equals(gateway, a.gateway) && owner.equals(a.owner) && at.equals(a.at);
    }

    @Override
    public int hashCode() {
        return Objects.hash(node, pool, address, subnet, gateway, owner, at);
    }

    @Override
    public String toString() {
        List<String> p = new ArrayList<>();
        p.add("node=" + node);
        if (pool != null) p.add("pool=" + pool);
        p.add("address=" + address);
        p.add("subnet=" + subnet);
        if (gateway != null) p.add("gateway=" + gateway);
        p.add("owner=" + owner);
        p.add("at=" + at);
        return "Allocation[" + String.join(", ", p) + "]";
    }

    /** Builds an {@link Allocation}; every setter takes a present value. */
    public static final class Builder {
        private String node;
        private Pool pool;
        private IpAddress address;
        private Cidr subnet;
        private IpAddress gateway;
        private String owner;
        private Instant at;

        private Builder() {}

        public Builder node(String node) {
            this.node = Objects.requireNonNull(node, "node");
            return this;
        }

        public Builder pool(Pool pool) {
            this.pool = Objects.requireNonNull(pool, "pool");
            return this;
        }

        public Builder address(IpAddress address) {
            this.address = Objects.requireNonNull(address, "address");
            return this;
        }

        public Builder subnet(Cidr subnet) {
            this.subnet = Objects.requireNonNull(subnet, "subnet");
            return this;
        }

        public Builder gateway(IpAddress gateway) {
            this.gateway = Objects.requireNonNull(gateway, "gateway");
            return this;
        }

        public Builder owner(String owner) {
            this.owner = Objects.requireNonNull(owner, "owner");
            return this;
        }

        public Builder at(Instant at) {
            this.at = Objects.requireNonNull(at, "at");
            return this;
        }

        public Allocation build() {
            return new Allocation(this);
        }
    }
}
