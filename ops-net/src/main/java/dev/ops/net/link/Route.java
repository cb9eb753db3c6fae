package dev.ops.net.link;

import dev.ops.net.IpAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A route of the main table, as {@code ip -json route show} reports it.
 *
 * <p>A value: built with {@link #builder()}, where an absent property is simply not set;
 * {@code equals}, {@code hashCode} and {@code toString} go by the properties.
 */
public final class Route {
    private final String destination;
    private final IpAddress gateway;
    private final String device;
    private final String protocol;
    private final Long metric;

    private Route(Builder b) {
        this.destination = Objects.requireNonNull(b.destination, "destination");
        this.gateway = b.gateway;
        this.device = b.device;
        this.protocol = Objects.requireNonNull(b.protocol, "protocol");
        this.metric = b.metric;
    }

    /** A builder; {@code destination} is required, {@code protocol} defaults to {@code boot}. */
    public static Builder builder() {
        return new Builder();
    }

    /** {@code default} or a network in CIDR form. */
    public String destination() {
        return destination;
    }

    /** The next hop, when the route has one. */
    public Optional<IpAddress> gateway() {
        return Optional.ofNullable(gateway);
    }

    /** The outgoing link. */
    public Optional<String> device() {
        return Optional.ofNullable(device);
    }

    /** Who installed it ({@code kernel}, {@code static}, {@code boot}, {@code dhcp}). */
    public String protocol() {
        return protocol;
    }

    /** The route's metric, when set. */
    public OptionalLong metric() {
        return metric == null ? OptionalLong.empty() : OptionalLong.of(metric);
    }

    /** Whether this is a default route. */
    public boolean isDefault() {
        return destination.equals("default") || destination.equals("0.0.0.0/0") || destination.equals("::/0");
    }

    @Override
    public boolean equals(Object o) {
        return o == this || o instanceof Route r && destination.equals(r.destination) && Objects.equals(gateway, r.gateway)
                && Objects.equals(device, r.device) && protocol.equals(r.protocol) && Objects.equals(metric, r.metric);
    }

    @Override
    public int hashCode() {
        return Objects.hash(destination, gateway, device, protocol, metric);
    }

    @Override
    public String toString() {
        List<String> p = new ArrayList<>();
        p.add("destination=" + destination);
        if (gateway != null) p.add("gateway=" + gateway);
        if (device != null) p.add("device=" + device);
        p.add("protocol=" + protocol);
        if (metric != null) p.add("metric=" + metric);
        return "Route[" + String.join(", ", p) + "]";
    }

    /** Builds a {@link Route}; every setter takes a present value. */
    public static final class Builder {
        private String destination;
        private IpAddress gateway;
        private String device;
        private String protocol = "boot";
        private Long metric;

        private Builder() {}

        public Builder destination(String destination) {
            this.destination = Objects.requireNonNull(destination, "destination");
            return this;
        }

        public Builder gateway(IpAddress gateway) {
            this.gateway = Objects.requireNonNull(gateway, "gateway");
            return this;
        }

        public Builder device(String device) {
            this.device = Objects.requireNonNull(device, "device");
            return this;
        }

        public Builder protocol(String protocol) {
            this.protocol = Objects.requireNonNull(protocol, "protocol");
            return this;
        }

        public Builder metric(long metric) {
            this.metric = metric;
            return this;
        }

        public Route build() {
            return new Route(this);
        }
    }
}
