package dev.ops.net.link;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A network link as {@code ip -json -details link show} reports it.
 *
 * @param index the kernel's interface index
 * @param name the interface name
 * @param kind the link type ({@code bridge}, {@code vlan}, {@code bond}, {@code veth}...), empty for physical NICs and loopback
 * @param flags the interface flags ({@code UP}, {@code LOWER_UP}, ...)
 * @param mtu the MTU in bytes
 * @param operState the operational state ({@code UP}, {@code DOWN}, {@code UNKNOWN})
 * @param mac the hardware address, empty where the link has none
 * @param master the bridge or bond this link is enslaved to
 * @param parent the lower link: a VLAN's raw device or a veth's peer (when in the same namespace)
 * @param vlanId the 802.1Q id of a VLAN link
 * @param vlanAware whether a bridge filters VLANs
 * @param bondMode a bond's mode by kernel name
 * @param miimon a bond's MII monitoring interval in milliseconds
 */
public record Link(int index, String name, Optional<String> kind, List<String> flags, int mtu, String operState,
        Optional<String> mac, Optional<String> master, Optional<String> parent, OptionalInt vlanId,
        Optional<Boolean> vlanAware, Optional<String> bondMode, OptionalInt miimon) {

    public Link {
        Objects.requireNonNull(name, "name");
        flags = List.copyOf(flags);
    }

    /** Whether the link is administratively up. */
    public boolean isUp() {
        return flags.contains("UP");
    }

    /** Whether the link is of kind {@code k}. */
    public boolean is(String k) {
        return kind.map(k::equals).orElse(false);
    }
}
