package dev.ops.net.link;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A network link as {@code ip -json -details link show} reports it.
 *
 * <p>A value: built with {@link #builder()}, where an absent property is simply not set;
 * {@code equals}, {@code hashCode} and {@code toString} go by the properties.
 */
public final class Link {
    private final int index;
    private final String name;
    private final String kind;
    private final List<String> flags;
    private final int mtu;
    private final String operState;
    private final String mac;
    private final String master;
    private final String parent;
    private final Integer vlanId;
    private final Boolean vlanAware;
    private final String bondMode;
    private final Integer miimon;

    private Link(Builder b) {
        this.index = b.index;
        this.name = Objects.requireNonNull(b.name, "name");
        this.kind = b.kind;
        this.flags = List.copyOf(b.flags);
        this.mtu = b.mtu;
        this.operState = b.operState;
        this.mac = b.mac;
        this.master = b.master;
        this.parent = b.parent;
        this.vlanId = b.vlanId;
        this.vlanAware = b.vlanAware;
        this.bondMode = b.bondMode;
        this.miimon = b.miimon;
    }

    /** A builder; {@code name} is required, {@code operState} defaults to {@code UNKNOWN}, the rest to absent or zero. */
    public static Builder builder() {
        return new Builder();
    }

    /** The kernel's interface index. */
    public int index() {
        return index;
    }

    /** The interface name. */
    public String name() {
        return name;
    }

    /** The link type ({@code bridge}, {@code vlan}, {@code bond}, {@code veth}...), empty for physical NICs and loopback. */
    public Optional<String> kind() {
        return Optional.ofNullable(kind);
    }

    /** The interface flags ({@code UP}, {@code LOWER_UP}, ...). */
    public List<String> flags() {
        return flags;
    }

    /** The MTU in bytes. */
    public int mtu() {
        return mtu;
    }

    /** The operational state ({@code UP}, {@code DOWN}, {@code UNKNOWN}). */
    public String operState() {
        return operState;
    }

    /** The hardware address, empty where the link has none. */
    public Optional<String> mac() {
        return Optional.ofNullable(mac);
    }

    /** The bridge or bond this link is enslaved to. */
    public Optional<String> master() {
        return Optional.ofNullable(master);
    }

    /** The lower link: a VLAN's raw device or a veth's peer (when in the same namespace). */
    public Optional<String> parent() {
        return Optional.ofNullable(parent);
    }

    /** The 802.1Q id of a VLAN link. */
    public OptionalInt vlanId() {
        return vlanId == null ? OptionalInt.empty() : OptionalInt.of(vlanId);
    }

    /** Whether a bridge filters VLANs. */
    public Optional<Boolean> vlanAware() {
        return Optional.ofNullable(vlanAware);
    }

    /** A bond's mode by kernel name. */
    public Optional<String> bondMode() {
        return Optional.ofNullable(bondMode);
    }

    /** A bond's MII monitoring interval in milliseconds. */
    public OptionalInt miimon() {
        return miimon == null ? OptionalInt.empty() : OptionalInt.of(miimon);
    }

    /** Whether the link is administratively up. */
    public boolean isUp() {
        return flags.contains("UP");
    }

    /** Whether the link is of kind {@code k}. */
    public boolean is(String k) {
        return k.equals(kind);
    }

    @Override
    public boolean equals(Object o) {
        return o == this || o instanceof Link l && index == l.index && name.equals(l.name) && Objects.equals(kind, l.kind)
                && flags.equals(l.flags) && mtu == l.mtu && Objects.equals(operState, l.operState) && Objects.equals(mac, l.mac)
                && Objects.equals(master, l.master) && Objects.equals(parent, l.parent) && Objects.equals(vlanId, l.vlanId)
                && Objects.equals(vlanAware, l.vlanAware) && Objects.equals(bondMode, l.bondMode) && Objects.equals(miimon, l.miimon);
    }

    @Override
    public int hashCode() {
        return Objects.hash(index, name, kind, flags, mtu, operState, mac, master, parent, vlanId, vlanAware, bondMode, miimon);
    }

    @Override
    public String toString() {
        List<String> p = new ArrayList<>();
        p.add("index=" + index);
        p.add("name=" + name);
        if (kind != null) p.add("kind=" + kind);
        p.add("flags=" + flags);
        p.add("mtu=" + mtu);
        p.add("operState=" + operState);
        if (mac != null) p.add("mac=" + mac);
        if (master != null) p.add("master=" + master);
        if (parent != null) p.add("parent=" + parent);
        if (vlanId != null) p.add("vlanId=" + vlanId);
        if (vlanAware != null) p.add("vlanAware=" + vlanAware);
        if (bondMode != null) p.add("bondMode=" + bondMode);
        if (miimon != null) p.add("miimon=" + miimon);
        return "Link[" + String.join(", ", p) + "]";
    }

    /** Builds a {@link Link}; every setter takes a present value. */
    public static final class Builder {
        private int index;
        private String name;
        private String kind;
        private List<String> flags = List.of();
        private int mtu;
        private String operState = "UNKNOWN";
        private String mac;
        private String master;
        private String parent;
        private Integer vlanId;
        private Boolean vlanAware;
        private String bondMode;
        private Integer miimon;

        private Builder() {}

        public Builder index(int index) {
            this.index = index;
            return this;
        }

        public Builder name(String name) {
            this.name = Objects.requireNonNull(name, "name");
            return this;
        }

        public Builder kind(String kind) {
            this.kind = Objects.requireNonNull(kind, "kind");
            return this;
        }

        public Builder flags(List<String> flags) {
            this.flags = List.copyOf(flags);
            return this;
        }

        public Builder mtu(int mtu) {
            this.mtu = mtu;
            return this;
        }

        public Builder operState(String operState) {
            this.operState = Objects.requireNonNull(operState, "operState");
            return this;
        }

        public Builder mac(String mac) {
            this.mac = Objects.requireNonNull(mac, "mac");
            return this;
        }

        public Builder master(String master) {
            this.master = Objects.requireNonNull(master, "master");
            return this;
        }

        public Builder parent(String parent) {
            this.parent = Objects.requireNonNull(parent, "parent");
            return this;
        }

        public Builder vlanId(int vlanId) {
            this.vlanId = vlanId;
            return this;
        }

        public Builder vlanAware(boolean vlanAware) {
            this.vlanAware = vlanAware;
            return this;
        }

        public Builder bondMode(String bondMode) {
            this.bondMode = Objects.requireNonNull(bondMode, "bondMode");
            return this;
        }

        public Builder miimon(int miimon) {
            this.miimon = miimon;
            return this;
        }

        public Link build() {
            return new Link(this);
        }
    }
}
