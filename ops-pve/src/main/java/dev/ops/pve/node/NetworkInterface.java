package dev.ops.pve.node;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import dev.ops.pve.PveObject;
import dev.ops.pve.internal.LenientValues;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.BiConsumer;

/**
 * One interface of a node's network config ({@code GET /nodes/{node}/network}): what
 * {@code /etc/network/interfaces} says about it, IPv4 and IPv6, and its bridge, bond, VLAN, OVS or
 * VXLAN settings. Fields without an accessor here stay readable through {@link #field} and
 * {@link #fields}.
 */
@JsonDeserialize(using = NetworkInterface.Reader.class)
public final class NetworkInterface extends PveObject {
    private String iface;
    private String type;
    private Boolean active;
    private Boolean autostart;
    private Boolean exists;
    private Integer priority;
    private List<String> families;
    private String method;
    private String method6;
    private String address;
    private String netmask;
    private String cidr;
    private String gateway;
    private String address6;
    private Integer netmask6;
    private String cidr6;
    private String gateway6;
    private Integer mtu;
    private String comments;
    private String comments6;
    private List<String> options;
    private List<String> options6;
    private String linkType;
    private String bridgePorts;
    private Boolean bridgeVlanAware;
    private String bridgeVids;
    private Integer bridgeAccess;
    private Boolean bridgeArpNdSuppress;
    private Boolean bridgeLearning;
    private Boolean bridgeMulticastFlood;
    private Boolean bridgeUnicastFlood;
    private String slaves;
    private String bondMode;
    private String bondPrimary;
    private String bondXmitHashPolicy;
    private Integer vlanId;
    private String vlanRawDevice;
    private String vlanProtocol;
    private String ovsBridge;
    private String ovsPorts;
    private String ovsBonds;
    private Integer ovsTag;
    private String ovsOptions;
    private Integer vxlanId;
    private String vxlanLocalTunnelIp;
    private String vxlanSvcNodeIp;
    private String vxlanPhysdev;
    private String uplinkId;

    private NetworkInterface() {}

    /** The interface name, e.g. {@code vmbr0}; empty if Proxmox sent none. */
    public String iface() {
        return iface == null ? "" : iface;
    }

    /** {@code bridge}, {@code bond}, {@code eth}, {@code vlan}, {@code OVSBridge}...; empty if Proxmox sent none. */
    public String type() {
        return type == null ? "" : type;
    }

    /** Whether it is active, as Proxmox reports it. */
    public boolean active() {
        return active != null && active;
    }

    /** Whether it starts at boot. */
    public boolean autostart() {
        return autostart != null && autostart;
    }

    /** Whether the interface physically exists. */
    public boolean exists() {
        return exists != null && exists;
    }

    /** Its position in the interfaces file. */
    public OptionalInt priority() {
        return optional(priority);
    }

    /** Its address families ({@code inet}, {@code inet6}). */
    public List<String> families() {
        return families == null ? List.of() : families;
    }

    /** How it gets its IPv4 address ({@code static}, {@code dhcp}, {@code manual}...). */
    public Optional<String> method() {
        return Optional.ofNullable(method);
    }

    /** How it gets its IPv6 address ({@code static}, {@code dhcp}, {@code manual}...). */
    public Optional<String> method6() {
        return Optional.ofNullable(method6);
    }

    /** Its IPv4 address. */
    public Optional<String> address() {
        return Optional.ofNullable(address);
    }

    /** Its IPv4 netmask. */
    public Optional<String> netmask() {
        return Optional.ofNullable(netmask);
    }

    /** IPv4 address in CIDR form, if set. */
    public Optional<String> cidr() {
        return Optional.ofNullable(cidr);
    }

    /** Its IPv4 default gateway. */
    public Optional<String> gateway() {
        return Optional.ofNullable(gateway);
    }

    /** Its IPv6 address. */
    public Optional<String> address6() {
        return Optional.ofNullable(address6);
    }

    /** Its IPv6 prefix length. */
    public OptionalInt netmask6() {
        return optional(netmask6);
    }

    /** IPv6 address in CIDR form, if set. */
    public Optional<String> cidr6() {
        return Optional.ofNullable(cidr6);
    }

    /** Its IPv6 default gateway. */
    public Optional<String> gateway6() {
        return Optional.ofNullable(gateway6);
    }

    /** Its MTU. */
    public OptionalInt mtu() {
        return optional(mtu);
    }

    /** Its IPv4 comments. */
    public Optional<String> comments() {
        return Optional.ofNullable(comments);
    }

    /** Its IPv6 comments. */
    public Optional<String> comments6() {
        return Optional.ofNullable(comments6);
    }

    /** Further IPv4 options of its stanza, as written. */
    public List<String> options() {
        return options == null ? List.of() : options;
    }

    /** Further IPv6 options of its stanza, as written. */
    public List<String> options6() {
        return options6 == null ? List.of() : options6;
    }

    /** The link type. */
    public Optional<String> linkType() {
        return Optional.ofNullable(linkType);
    }

    /** A bridge's ports. */
    public Optional<String> bridgePorts() {
        return Optional.ofNullable(bridgePorts);
    }

    /** Whether a bridge is VLAN-aware. */
    public boolean bridgeVlanAware() {
        return bridgeVlanAware != null && bridgeVlanAware;
    }

    /** The VLANs a VLAN-aware bridge allows, e.g. {@code 2 4 100-200}. */
    public Optional<String> bridgeVids() {
        return Optional.ofNullable(bridgeVids);
    }

    /** A bridge port's access VLAN. */
    public OptionalInt bridgeAccess() {
        return optional(bridgeAccess);
    }

    /** A bridge port's ARP/ND suppress flag, empty if unset. */
    public Optional<Boolean> bridgeArpNdSuppress() {
        return Optional.ofNullable(bridgeArpNdSuppress);
    }

    /** A bridge port's learning flag, empty if unset. */
    public Optional<Boolean> bridgeLearning() {
        return Optional.ofNullable(bridgeLearning);
    }

    /** A bridge port's multicast flood flag, empty if unset. */
    public Optional<Boolean> bridgeMulticastFlood() {
        return Optional.ofNullable(bridgeMulticastFlood);
    }

    /** A bridge port's unicast flood flag, empty if unset. */
    public Optional<Boolean> bridgeUnicastFlood() {
        return Optional.ofNullable(bridgeUnicastFlood);
    }

    /** A bond's member interfaces. */
    public Optional<String> slaves() {
        return Optional.ofNullable(slaves);
    }

    /** A bond's mode ({@code active-backup}, {@code 802.3ad}...). */
    public Optional<String> bondMode() {
        return Optional.ofNullable(bondMode);
    }

    /** An active-backup bond's primary interface. */
    public Optional<String> bondPrimary() {
        return Optional.ofNullable(bondPrimary);
    }

    /** A bond's transmit hash policy ({@code layer2}, {@code layer2+3}, {@code layer3+4}). */
    public Optional<String> bondXmitHashPolicy() {
        return Optional.ofNullable(bondXmitHashPolicy);
    }

    /** A VLAN interface's tag. */
    public OptionalInt vlanId() {
        return optional(vlanId);
    }

    /** The interface a VLAN interface sits on. */
    public Optional<String> vlanRawDevice() {
        return Optional.ofNullable(vlanRawDevice);
    }

    /** A VLAN interface's protocol ({@code 802.1q}, {@code 802.1ad}). */
    public Optional<String> vlanProtocol() {
        return Optional.ofNullable(vlanProtocol);
    }

    /** The OVS bridge an OVS port belongs to. */
    public Optional<String> ovsBridge() {
        return Optional.ofNullable(ovsBridge);
    }

    /** An OVS bridge's ports. */
    public Optional<String> ovsPorts() {
        return Optional.ofNullable(ovsPorts);
    }

    /** An OVS bond's member interfaces. */
    public Optional<String> ovsBonds() {
        return Optional.ofNullable(ovsBonds);
    }

    /** An OVS port's VLAN tag. */
    public OptionalInt ovsTag() {
        return optional(ovsTag);
    }

    /** Its OVS options. */
    public Optional<String> ovsOptions() {
        return Optional.ofNullable(ovsOptions);
    }

    /** A VXLAN interface's id. */
    public OptionalInt vxlanId() {
        return optional(vxlanId);
    }

    /** A VXLAN interface's local tunnel IP. */
    public Optional<String> vxlanLocalTunnelIp() {
        return Optional.ofNullable(vxlanLocalTunnelIp);
    }

    /** A VXLAN interface's service node IP. */
    public Optional<String> vxlanSvcNodeIp() {
        return Optional.ofNullable(vxlanSvcNodeIp);
    }

    /** A VXLAN interface's physical device. */
    public Optional<String> vxlanPhysdev() {
        return Optional.ofNullable(vxlanPhysdev);
    }

    /** The uplink id. */
    public Optional<String> uplinkId() {
        return Optional.ofNullable(uplinkId);
    }

    @Override
    protected void known(BiConsumer<String, Object> out) {
        out.accept("iface", iface);
        out.accept("type", type);
        out.accept("active", active);
        out.accept("autostart", autostart);
        out.accept("exists", exists);
        out.accept("priority", priority);
        out.accept("families", families);
        out.accept("method", method);
        out.accept("method6", method6);
        out.accept("address", address);
        out.accept("netmask", netmask);
        out.accept("cidr", cidr);
        out.accept("gateway", gateway);
        out.accept("address6", address6);
        out.accept("netmask6", netmask6);
        out.accept("cidr6", cidr6);
        out.accept("gateway6", gateway6);
        out.accept("mtu", mtu);
        out.accept("comments", comments);
        out.accept("comments6", comments6);
        out.accept("options", options);
        out.accept("options6", options6);
        out.accept("link-type", linkType);
        out.accept("bridge_ports", bridgePorts);
        out.accept("bridge_vlan_aware", bridgeVlanAware);
        out.accept("bridge_vids", bridgeVids);
        out.accept("bridge-access", bridgeAccess);
        out.accept("bridge-arp-nd-suppress", bridgeArpNdSuppress);
        out.accept("bridge-learning", bridgeLearning);
        out.accept("bridge-multicast-flood", bridgeMulticastFlood);
        out.accept("bridge-unicast-flood", bridgeUnicastFlood);
        out.accept("slaves", slaves);
        out.accept("bond_mode", bondMode);
        out.accept("bond-primary", bondPrimary);
        out.accept("bond_xmit_hash_policy", bondXmitHashPolicy);
        out.accept("vlan-id", vlanId);
        out.accept("vlan-raw-device", vlanRawDevice);
        out.accept("vlan-protocol", vlanProtocol);
        out.accept("ovs_bridge", ovsBridge);
        out.accept("ovs_ports", ovsPorts);
        out.accept("ovs_bonds", ovsBonds);
        out.accept("ovs_tag", ovsTag);
        out.accept("ovs_options", ovsOptions);
        out.accept("vxlan-id", vxlanId);
        out.accept("vxlan-local-tunnelip", vxlanLocalTunnelIp);
        out.accept("vxlan-svcnodeip", vxlanSvcNodeIp);
        out.accept("vxlan-physdev", vxlanPhysdev);
        out.accept("uplink-id", uplinkId);
    }

    /** Reads an interface field by field; a field of an unexpected shape is left unset. */
    static final class Reader extends PveObject.Reader<NetworkInterface> {
        Reader() {
            super(NetworkInterface.class);
        }

        @Override
        protected NetworkInterface create() {
            return new NetworkInterface();
        }

        @Override
        protected boolean field(NetworkInterface n, String name, JsonParser p) throws IOException {
            switch (name) {
                case "iface" -> n.iface = LenientValues.text(p);
                case "type" -> n.type = LenientValues.text(p);
                case "active" -> n.active = LenientValues.bool(p);
                case "autostart" -> n.autostart = LenientValues.bool(p);
                case "exists" -> n.exists = LenientValues.bool(p);
                case "priority" -> n.priority = LenientValues.intValue(p);
                case "families" -> n.families = LenientValues.textList(p);
                case "method" -> n.method = LenientValues.text(p);
                case "method6" -> n.method6 = LenientValues.text(p);
                case "address" -> n.address = LenientValues.text(p);
                case "netmask" -> n.netmask = LenientValues.text(p);
                case "cidr" -> n.cidr = LenientValues.text(p);
                case "gateway" -> n.gateway = LenientValues.text(p);
                case "address6" -> n.address6 = LenientValues.text(p);
                case "netmask6" -> n.netmask6 = LenientValues.intValue(p);
                case "cidr6" -> n.cidr6 = LenientValues.text(p);
                case "gateway6" -> n.gateway6 = LenientValues.text(p);
                case "mtu" -> n.mtu = LenientValues.intValue(p);
                case "comments" -> n.comments = LenientValues.text(p);
                case "comments6" -> n.comments6 = LenientValues.text(p);
                case "options" -> n.options = LenientValues.textList(p);
                case "options6" -> n.options6 = LenientValues.textList(p);
                case "link-type" -> n.linkType = LenientValues.text(p);
                case "bridge_ports" -> n.bridgePorts = LenientValues.text(p);
                case "bridge_vlan_aware" -> n.bridgeVlanAware = LenientValues.bool(p);
                case "bridge_vids" -> n.bridgeVids = LenientValues.text(p);
                case "bridge-access" -> n.bridgeAccess = LenientValues.intValue(p);
                case "bridge-arp-nd-suppress" -> n.bridgeArpNdSuppress = LenientValues.bool(p);
                case "bridge-learning" -> n.bridgeLearning = LenientValues.bool(p);
                case "bridge-multicast-flood" -> n.bridgeMulticastFlood = LenientValues.bool(p);
                case "bridge-unicast-flood" -> n.bridgeUnicastFlood = LenientValues.bool(p);
                case "slaves" -> n.slaves = LenientValues.text(p);
                case "bond_mode" -> n.bondMode = LenientValues.text(p);
                case "bond-primary" -> n.bondPrimary = LenientValues.text(p);
                case "bond_xmit_hash_policy" -> n.bondXmitHashPolicy = LenientValues.text(p);
                case "vlan-id" -> n.vlanId = LenientValues.intValue(p);
                case "vlan-raw-device" -> n.vlanRawDevice = LenientValues.text(p);
                case "vlan-protocol" -> n.vlanProtocol = LenientValues.text(p);
                case "ovs_bridge" -> n.ovsBridge = LenientValues.text(p);
                case "ovs_ports" -> n.ovsPorts = LenientValues.text(p);
                case "ovs_bonds" -> n.ovsBonds = LenientValues.text(p);
                case "ovs_tag" -> n.ovsTag = LenientValues.intValue(p);
                case "ovs_options" -> n.ovsOptions = LenientValues.text(p);
                case "vxlan-id" -> n.vxlanId = LenientValues.intValue(p);
                case "vxlan-local-tunnelip" -> n.vxlanLocalTunnelIp = LenientValues.text(p);
                case "vxlan-svcnodeip" -> n.vxlanSvcNodeIp = LenientValues.text(p);
                case "vxlan-physdev" -> n.vxlanPhysdev = LenientValues.text(p);
                case "uplink-id" -> n.uplinkId = LenientValues.text(p);
                default -> {
                    return false;
                }
            }
            return true;
        }
    }
}
