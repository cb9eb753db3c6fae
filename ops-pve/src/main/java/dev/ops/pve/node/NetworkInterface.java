package dev.ops.pve.node;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import dev.ops.pve.PveObject;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

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

    private static final Fields<NetworkInterface> FIELDS = Fields.of(NetworkInterface.class, NetworkInterface::new)
            .text("iface", (m, v) -> m.iface = v, m -> m.iface)
            .text("type", (m, v) -> m.type = v, m -> m.type)
            .bool("active", (m, v) -> m.active = v, m -> m.active)
            .bool("autostart", (m, v) -> m.autostart = v, m -> m.autostart)
            .bool("exists", (m, v) -> m.exists = v, m -> m.exists)
            .integer("priority", (m, v) -> m.priority = v, m -> m.priority)
            .textList("families", (m, v) -> m.families = v, m -> m.families)
            .text("method", (m, v) -> m.method = v, m -> m.method)
            .text("method6", (m, v) -> m.method6 = v, m -> m.method6)
            .text("address", (m, v) -> m.address = v, m -> m.address)
            .text("netmask", (m, v) -> m.netmask = v, m -> m.netmask)
            .text("cidr", (m, v) -> m.cidr = v, m -> m.cidr)
            .text("gateway", (m, v) -> m.gateway = v, m -> m.gateway)
            .text("address6", (m, v) -> m.address6 = v, m -> m.address6)
            .integer("netmask6", (m, v) -> m.netmask6 = v, m -> m.netmask6)
            .text("cidr6", (m, v) -> m.cidr6 = v, m -> m.cidr6)
            .text("gateway6", (m, v) -> m.gateway6 = v, m -> m.gateway6)
            .integer("mtu", (m, v) -> m.mtu = v, m -> m.mtu)
            .text("comments", (m, v) -> m.comments = v, m -> m.comments)
            .text("comments6", (m, v) -> m.comments6 = v, m -> m.comments6)
            .textList("options", (m, v) -> m.options = v, m -> m.options)
            .textList("options6", (m, v) -> m.options6 = v, m -> m.options6)
            .text("link-type", (m, v) -> m.linkType = v, m -> m.linkType)
            .text("bridge_ports", (m, v) -> m.bridgePorts = v, m -> m.bridgePorts)
            .bool("bridge_vlan_aware", (m, v) -> m.bridgeVlanAware = v, m -> m.bridgeVlanAware)
            .text("bridge_vids", (m, v) -> m.bridgeVids = v, m -> m.bridgeVids)
            .integer("bridge-access", (m, v) -> m.bridgeAccess = v, m -> m.bridgeAccess)
            .bool("bridge-arp-nd-suppress", (m, v) -> m.bridgeArpNdSuppress = v, m -> m.bridgeArpNdSuppress)
            .bool("bridge-learning", (m, v) -> m.bridgeLearning = v, m -> m.bridgeLearning)
            .bool("bridge-multicast-flood", (m, v) -> m.bridgeMulticastFlood = v, m -> m.bridgeMulticastFlood)
            .bool("bridge-unicast-flood", (m, v) -> m.bridgeUnicastFlood = v, m -> m.bridgeUnicastFlood)
            .text("slaves", (m, v) -> m.slaves = v, m -> m.slaves)
            .text("bond_mode", (m, v) -> m.bondMode = v, m -> m.bondMode)
            .text("bond-primary", (m, v) -> m.bondPrimary = v, m -> m.bondPrimary)
            .text("bond_xmit_hash_policy", (m, v) -> m.bondXmitHashPolicy = v, m -> m.bondXmitHashPolicy)
            .integer("vlan-id", (m, v) -> m.vlanId = v, m -> m.vlanId)
            .text("vlan-raw-device", (m, v) -> m.vlanRawDevice = v, m -> m.vlanRawDevice)
            .text("vlan-protocol", (m, v) -> m.vlanProtocol = v, m -> m.vlanProtocol)
            .text("ovs_bridge", (m, v) -> m.ovsBridge = v, m -> m.ovsBridge)
            .text("ovs_ports", (m, v) -> m.ovsPorts = v, m -> m.ovsPorts)
            .text("ovs_bonds", (m, v) -> m.ovsBonds = v, m -> m.ovsBonds)
            .integer("ovs_tag", (m, v) -> m.ovsTag = v, m -> m.ovsTag)
            .text("ovs_options", (m, v) -> m.ovsOptions = v, m -> m.ovsOptions)
            .integer("vxlan-id", (m, v) -> m.vxlanId = v, m -> m.vxlanId)
            .text("vxlan-local-tunnelip", (m, v) -> m.vxlanLocalTunnelIp = v, m -> m.vxlanLocalTunnelIp)
            .text("vxlan-svcnodeip", (m, v) -> m.vxlanSvcNodeIp = v, m -> m.vxlanSvcNodeIp)
            .text("vxlan-physdev", (m, v) -> m.vxlanPhysdev = v, m -> m.vxlanPhysdev)
            .text("uplink-id", (m, v) -> m.uplinkId = v, m -> m.uplinkId);

    private NetworkInterface() {
        super(FIELDS);
    }

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

    /** Reads an interface field by field; a field of an unexpected shape is left unset. */
    static final class Reader extends PveObject.Reader<NetworkInterface> {
        Reader() {
            super(FIELDS);
        }
    }
}
