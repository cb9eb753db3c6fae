package dev.ops.testkit.pve.internal;

import dev.ops.core.text.AsciiNumbers;
import static dev.ops.testkit.pve.internal.Formats.CIDR_SHAPE;
import static dev.ops.testkit.pve.internal.Formats.IPV4;
import static dev.ops.testkit.pve.internal.Formats.ipBits;
import static dev.ops.testkit.pve.internal.Formats.isIp;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * pve-firewall's rule fields. Service and protocol names come from the host's /etc/services and
 * /etc/protocols in PVE; the fake knows Debian's protocol list and takes any name-shaped service name.
 */
final class Firewall {
    static final Pattern ALIAS = Pattern.compile("(?:(?:dc|guest)/)?[A-Za-z][A-Za-z0-9\\-_]+");
    private static final Pattern IPSET = Pattern.compile("\\+\\S+");
    private static final Pattern SERVICE = Pattern.compile("[A-Za-z][A-Za-z0-9._+\\-]*");
    private static final Pattern PORT_RANGE = Pattern.compile("(\\d+):(\\d+)");
    private static final Pattern RANGE = Pattern.compile("(.+?)\\s*-\\s*(.+)");
    private static final Pattern NUMBER = Pattern.compile("\\d+");
    private static final Set<String> ICMP = Set.of("any", "echo-reply", "destination-unreachable", "network-unreachable",
            "host-unreachable", "protocol-unreachable", "port-unreachable", "fragmentation-needed", "source-route-failed",
            "network-unknown", "host-unknown", "network-prohibited", "host-prohibited", "TOS-network-unreachable",
            "TOS-host-unreachable", "communication-prohibited", "host-precedence-violation", "precedence-cutoff",
            "source-quench", "redirect", "network-redirect", "host-redirect", "TOS-network-redirect", "TOS-host-redirect",
            "echo-request", "router-advertisement", "router-solicitation", "time-exceeded", "ttl-zero-during-transit",
            "ttl-zero-during-reassembly", "parameter-problem", "ip-header-bad", "required-option-missing",
            "timestamp-request", "timestamp-reply", "address-mask-request", "address-mask-reply");
    private static final Set<String> ICMPV6 = Set.of("destination-unreachable", "no-route", "communication-prohibited",
            "beyond-scope", "address-unreachable", "port-unreachable", "failed-policy", "reject-route", "packet-too-big",
            "time-exceeded", "ttl-zero-during-transit", "ttl-zero-during-reassembly", "parameter-problem", "bad-header",
            "unknown-header-type", "unknown-option", "echo-request", "echo-reply", "router-solicitation",
            "router-advertisement", "neighbor-solicitation", "neighbour-solicitation", "neighbor-advertisement",
            "neighbour-advertisement", "redirect");
    private static final Map<String, Integer> PROTOCOLS = Map.ofEntries(Map.entry("ip", 0), Map.entry("hopopt", 0),
            Map.entry("icmp", 1), Map.entry("igmp", 2), Map.entry("ggp", 3), Map.entry("ipencap", 4), Map.entry("st", 5),
            Map.entry("tcp", 6), Map.entry("egp", 8), Map.entry("igp", 9), Map.entry("pup", 12), Map.entry("udp", 17),
            Map.entry("hmp", 20), Map.entry("xns-idp", 22), Map.entry("rdp", 27), Map.entry("iso-tp4", 29),
            Map.entry("dccp", 33), Map.entry("xtp", 36), Map.entry("ddp", 37), Map.entry("idpr-cmtp", 38),
            Map.entry("ipv6", 41), Map.entry("ipv6-route", 43), Map.entry("ipv6-frag", 44), Map.entry("idrp", 45),
            Map.entry("rsvp", 46), Map.entry("gre", 47), Map.entry("esp", 50), Map.entry("ah", 51), Map.entry("skip", 57),
            Map.entry("ipv6-icmp", 58), Map.entry("ipv6-nonxt", 59), Map.entry("ipv6-opts", 60), Map.entry("rspf", 73),
            Map.entry("vmtp", 81), Map.entry("eigrp", 88), Map.entry("ospf", 89), Map.entry("ax.25", 93),
            Map.entry("ipip", 94), Map.entry("etherip", 97), Map.entry("encap", 98), Map.entry("pim", 103),
            Map.entry("ipcomp", 108), Map.entry("vrrp", 112), Map.entry("l2tp", 115), Map.entry("isis", 124),
            Map.entry("sctp", 132), Map.entry("fc", 133), Map.entry("mobility-header", 135), Map.entry("udplite", 136),
            Map.entry("mpls-in-ip", 137), Map.entry("manet", 138), Map.entry("hip", 139), Map.entry("shim6", 140),
            Map.entry("wesp", 141), Map.entry("rohc", 142), Map.entry("ethernet", 143), Map.entry("mptcp", 262));
    private static final Set<String> HELPERS = Set.of("amanda", "ftp", "irc", "netbios-ns", "pptp", "sane", "sip", "snmp", "tftp");

    /** One address, network or range as Net::IP reads it; Net::IP's complaint otherwise. */
    private static String netIp(String v, int[] version) {
        Matcher range = RANGE.matcher(v);
        if (range.matches() && isIp(range.group(1)) && isIp(range.group(2))) {
            version[0] = IPV4.matcher(range.group(1)).matches() ? 4 : 6;
            if (version[0] != (IPV4.matcher(range.group(2)).matches() ? 4 : 6)) {
                return "IP addresses of different versions " + range.group(1) + " - " + range.group(2);
            }
            return ipBits(range.group(1)).compareTo(ipBits(range.group(2))) > 0
                    ? "Begin address is greater than End address " + range.group(1) + " - " + range.group(2) : null;
        }
        Matcher cidr = CIDR_SHAPE.matcher(v);
        String ip = cidr.matches() ? cidr.group(1) : v;
        if (!isIp(ip)) {
            return "Cannot determine IP version for " + v;
        }
        version[0] = IPV4.matcher(ip).matches() ? 4 : 6;
        int bits = version[0] == 4 ? 32 : 128;
        int prefix = cidr.matches() ? AsciiNumbers.parseInt(cidr.group(2)) : bits;
        if (prefix > bits) {
            return "Invalid prefix length /" + prefix;
        }
        BigInteger n = ipBits(ip);
        if (n.and(BigInteger.ONE.shiftLeft(bits - prefix).subtract(BigInteger.ONE)).signum() != 0) {
            String binary = "0".repeat(bits - n.bitLength()) + (n.signum() == 0 ? "" : n.toString(2));
            return "Invalid prefix " + binary + "/" + prefix;
        }
        return null;
    }

    static String ipOrCidr(String v) {
        Matcher cidr = CIDR_SHAPE.matcher(v);
        if (!isIp(cidr.matches() ? cidr.group(1) : v)) {
            return "value does not look like a valid IP address or CIDR network";
        }
        return netIp(v, new int[1]);
    }

    /** '+ipset', an alias, or a list of addresses/networks of one IP version, or a single range. */
    static String addressList(String v) {
        if (IPSET.matcher(v).matches()) {
            return v.length() > 65 ? "ipset name too long" : null;
        }
        if (ALIAS.matcher(v).matches()) {
            return v.length() > 64 ? "alias name too long" : null;
        }
        String[] elements = v.isEmpty() ? new String[0] : v.split(",");
        if (!String.join(",", elements).equals(v)) {
            return "extraneous commas in list";
        }
        int version = 0;
        boolean range = false;
        for (String element : elements) {
            int[] elementVersion = new int[1];
            String err = netIp(element, elementVersion);
            if (err != null) {
                return "invalid IP address: " + err;
            }
            if (version != 0 && elementVersion[0] != version) {
                return "detected mixed ipv4/ipv6 addresses in address list '" + v + "'";
            }
            version = elementVersion[0];
            range |= element.contains("-");
        }
        return range && elements.length > 1 ? "you can't use a range in a list" : null;
    }

    /** Comma separated ports ('80'), ranges ('80:85') and service names; ICMP type names for destination ports. */
    static String ports(String v, boolean destination) {
        String[] items = v.isEmpty() ? new String[0] : v.split(",");
        if (!String.join(",", items).equals(v)) {
            return "extraneous commas in list";
        }
        int count = 0;
        boolean icmp = false;
        for (String item : items) {
            Matcher range = PORT_RANGE.matcher(item);
            if (range.matches()) {
                count += 2;
                for (String port : List.of(range.group(1), range.group(2))) {
                    if (port.length() > 5 || AsciiNumbers.parseInt(port) > 65535) {
                        return "invalid port '" + port + "'";
                    }
                }
                if (AsciiNumbers.parseInt(range.group(1)) > AsciiNumbers.parseInt(range.group(2))) {
                    return "backwards range '" + item + "' not allowed, did you mean '" + range.group(2) + ":"
                            + range.group(1) + "'?";
                }
            } else if (NUMBER.matcher(item).matches()) {
                count++;
                if (item.length() > 5 || AsciiNumbers.parseInt(item) > 65535) {
                    return "invalid port '" + item + "'";
                }
            } else if (destination && (ICMP.contains(item) || ICMPV6.contains(item))) {
                icmp = true;
            } else if (!SERVICE.matcher(item).matches()) {
                return "invalid port '" + item + "'";
            }
        }
        if (icmp && count > 0) {
            return "ICMP ports not allowed in port range";
        }
        return count > 15 ? "too many entries in port list (> 15 numbers)" : null;
    }

    static String protocol(String v) {
        boolean known = v.isEmpty() || v.equals("0") || v.equals("icmpv6") || PROTOCOLS.containsKey(v)
                || NUMBER.matcher(v).matches() && v.length() < 4 && PROTOCOLS.containsValue(AsciiNumbers.parseInt(v));
        return known ? null : "unknown protocol '" + v + "'";
    }

    static String icmpType(String v) {
        return v.isEmpty() || ICMP.contains(v) || ICMPV6.contains(v) ? null : "invalid icmp-type value '" + v + "'";
    }

    static String conntrackHelpers(String v) {
        for (String helper : v.split(",")) {
            if (!helper.isEmpty() && !HELPERS.contains(helper)) {
                return "unknown helper " + helper;
            }
        }
        return null;
    }
}
