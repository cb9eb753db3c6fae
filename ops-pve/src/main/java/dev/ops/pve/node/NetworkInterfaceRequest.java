package dev.ops.pve.node;

import dev.ops.core.error.Violations;
import java.util.Map;
import java.util.Set;
import org.immutables.value.Value;

/**
 * A node network interface as {@code POST}/{@code PUT /nodes/{node}/network} take it: its name, its
 * type, and its settings by their API names ({@code cidr}, {@code gateway}, {@code bridge_ports},
 * {@code bridge_vlan_aware}, {@code vlan-raw-device}, {@code vlan-id}, {@code slaves},
 * {@code bond_mode}, {@code mtu}, {@code autostart}, {@code comments}, ...). Changes are staged in
 * {@code interfaces.new} until the node's network is applied.
 *
 * <pre>{@code
 * changes.networkInterface(node, i -> i.iface("vmbr1").type("bridge").putSettings("bridge_ports", "eno2")
 *         .putSettings("cidr", "10.10.0.2/24").putSettings("autostart", "1"));
 * }</pre>
 */
@Value.Immutable
public abstract class NetworkInterfaceRequest {
    private static final Set<String> TYPES = Set.of("bridge", "bond", "eth", "alias", "vlan", "fabric", "OVSBridge", "OVSBond",
            "OVSPort", "OVSIntPort", "vnet", "unknown");

    /** The interface name ({@code vmbr1}, {@code bond0}, {@code vmbr0.20}). */
    public abstract String iface();

    /** The type ({@code bridge}, {@code bond}, {@code vlan}, {@code eth}, ...). */
    public abstract String type();

    /** The settings, by API name, as text. */
    public abstract Map<String, String> settings();

    /** A new, empty builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this value's settings, to derive a changed copy. */
    public Builder toBuilder() {
        return builder().from(this);
    }

    @Value.Check
    protected void check() {
        Violations v = Violations.of("network interface");
        v.check(iface().matches("[a-zA-Z][a-zA-Z0-9_.\\-]{1,19}"), "iface", "'" + iface() + "' is not an interface name (2-20 characters)");
        v.check(TYPES.contains(type()), "type", "'" + type() + "' is not one of " + new java.util.TreeSet<>(TYPES));
        settings().forEach((k, val) -> {
            v.check(k.matches("[a-z][a-z0-9_\\-]*[0-9]?"), "settings", "'" + k + "' is not a setting name");
            v.check(!val.contains("\n"), "settings", k + " must be one line");
        });
        v.check(!settings().containsKey("iface") && !settings().containsKey("type"), "settings", "iface and type are given on their own");
        v.throwIfAny();
    }

    /** Builds a {@link NetworkInterfaceRequest}. */
    public static final class Builder extends ImmutableNetworkInterfaceRequest.Builder {}
}
