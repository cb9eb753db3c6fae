package dev.ops.net.link.internal;

import dev.ops.net.link.BondMode;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What a link should look like: its kind and kind-specific settings, and the settings every link
 * has. Empty fields mean "leave as it is". Built by the requests of {@link dev.ops.net.link.Network}.
 *
 * @param name the link name
 * @param kind {@code bridge}, {@code vlan}, {@code bond}, {@code veth}, or empty for an existing link of any kind
 * @param parent a VLAN's raw device
 * @param vlanId a VLAN's 802.1Q id
 * @param peer a veth's peer name
 * @param vlanAware whether a bridge filters VLANs
 * @param bondMode a bond's mode
 * @param miimon a bond's MII monitoring interval in milliseconds
 * @param ports links to enslave to this bridge or bond
 * @param mtu the MTU
 * @param up whether the link should be up (true) or down (false)
 * @param master the bridge or bond to enslave this link to; an empty string means "no master"
 */
public record LinkSpec(String name, Optional<String> kind, Optional<String> parent, OptionalInt vlanId,
        Optional<String> peer, Optional<Boolean> vlanAware, Optional<BondMode> bondMode, OptionalInt miimon,
        List<String> ports, OptionalInt mtu, Optional<Boolean> up, Optional<String> master) {

    public LinkSpec {
        Objects.requireNonNull(name, "name");
        ports = List.copyOf(ports);
    }
}
