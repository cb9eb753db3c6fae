package dev.ops.testkit.pve.internal;

import dev.ops.core.text.AsciiNumbers;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigInteger;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * PVE's named string formats ({@code format: "pve-vmid"} etc.). Their rules live in PVE's Perl code, not in
 * the schema; they are re-implemented here after pve-common, pve-storage, qemu-server, pve-container,
 * pve-guest-common, pve-access-control, pve-network, pve-firewall, pve-ha-manager and pve-manager, with
 * PVE's error texts. Named formats that are property strings live in {@link NamedPropertyFormats}.
 * As in {@code PVE::JSONSchema::check_format}, {@code X-list} checks each item of a list against
 * {@code X} and {@code X-opt} also accepts an empty value. Names neither implemented nor in
 * {@link #NOT_CHECKED} pass; a test keeps both in step with the schema.
 */
final class Formats {

    /** Formats the schema names that the fake deliberately leaves unchecked. */
    static final Set<String> NOT_CHECKED = Set.of(
            // none at present: every format name in the bundled schema is checked
    );

    private static final String IPV4_RE = "(?:(?:25[0-5]|(?:2[0-4]|1\\d|[1-9])?\\d)\\.){3}(?:25[0-5]|(?:2[0-4]|1\\d|[1-9])?\\d)";
    private static final String IPV6_RE = ipv6Re("[0-9a-fA-F]{1,4}", "(?:[0-9a-fA-F]{1,4}:[0-9a-fA-F]{1,4}|" + IPV4_RE + ")");
    static final Pattern IPV4 = Pattern.compile(IPV4_RE);
    private static final Pattern IPV6 = Pattern.compile(IPV6_RE);
    private static final Pattern VMID = Pattern.compile("[1-9][0-9]{2,8}");
    private static final Pattern NODE = Pattern.compile("[a-zA-Z0-9]([a-zA-Z0-9\\-]*[a-zA-Z0-9])?");
    private static final Pattern STORAGE_ID = Pattern.compile("(?i)[a-z][a-z0-9\\-_.]*[a-z0-9]");
    private static final Pattern CONFIG_ID = Pattern.compile("[a-z][a-z_\\-0-9]*");
    private static final Pattern VOLUME_ID = Pattern.compile("(?i)([a-z][a-z0-9\\-_.]*[a-z0-9]):(.+)");
    private static final Pattern USERID = Pattern.compile("[^\\s:/]+@[A-Za-z][A-Za-z0-9.\\-_]+");
    private static final Pattern TOKENID = Pattern.compile("[^\\s:/]+@[A-Za-z][A-Za-z0-9.\\-_]+![A-Za-z][A-Za-z0-9.\\-_]+");
    private static final Pattern REALM = Pattern.compile("[A-Za-z][A-Za-z0-9.\\-_]+");
    private static final Pattern POOLID = Pattern.compile("[A-Za-z0-9_\\-]+(/[A-Za-z0-9_\\-]+){0,2}");
    private static final Pattern DNS_NAME = Pattern.compile("(?:[a-zA-Z0-9](?:[a-zA-Z0-9\\-]*[a-zA-Z0-9])?\\.)*"
            + "[a-zA-Z0-9](?:[a-zA-Z0-9\\-]*[a-zA-Z0-9])?");
    private static final Pattern MAC = Pattern.compile("(?i)[a-f0-9][02468ace](?::[a-f0-9]{2}){5}");
    private static final Pattern MAC_PREFIX = Pattern.compile("(?i)[a-f0-9][02468ace](?::[a-f0-9]{2}){0,2}:?");
    private static final Pattern TAG = Pattern.compile("[a-z0-9_][a-z0-9_\\-+.]*", Pattern.CASE_INSENSITIVE);
    private static final Pattern IFACE = Pattern.compile("[a-zA-Z][a-zA-Z0-9_.\\-]{1,20}");
    private static final Pattern BRIDGE = Pattern.compile("[-_.\\w\\d]+");
    private static final Pattern DISK_SIZE = Pattern.compile("\\d+(\\.\\d+)?[KMGT]?");
    private static final Pattern URLENCODED = Pattern.compile("[-%a-zA-Z0-9_.!~*'()]*");
    private static final Pattern PRIV = Pattern.compile("[A-Za-z][A-Za-z.]*");
    private static final Pattern HA_SID = Pattern.compile("((vm|ct):)?[1-9][0-9]{2,8}");
    private static final Pattern HA_NODE = Pattern.compile("[a-zA-Z0-9]([a-zA-Z0-9\\-]*[a-zA-Z0-9])?(:\\d+)?");
    private static final Pattern ACCESS_NAME = Pattern.compile("[A-Za-z0-9.\\-_]+");
    private static final Pattern EMAIL_USER = Pattern.compile("[\\w+\\-~]+(\\.[\\w+\\-~]+)*");
    private static final Pattern EMAIL = Pattern.compile(EMAIL_USER.pattern() + "@[a-zA-Z0-9\\-]+(\\.[a-zA-Z0-9\\-]+)*");
    private static final Pattern SDN_ID = Pattern.compile("(?i)[a-z][a-z0-9]*[a-z0-9]");
    private static final Pattern SDN_CONTROLLER = Pattern.compile("(?i)[a-z][a-z0-9_-]*[a-z0-9]");
    private static final Pattern SDN_FABRIC = Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9-]{0,6}[a-zA-Z0-9]?");
    private static final Pattern ISIS_NET = Pattern.compile("[a-fA-F0-9]{2}(\\.[a-fA-F0-9]{4}){3,9}\\.[a-fA-F0-9]{2}");
    private static final Pattern LVM_NAME = Pattern.compile("(?i)[a-z0-9][a-z0-9\\-_.]*[a-z0-9]");
    private static final Pattern PORTAL = Pattern.compile("(?:" + IPV4_RE + "|[\\p{Alnum}\\-.]+)(?::\\d+)?"
            + "|\\[(?:" + IPV6_RE + "|" + IPV4_RE + "|[\\p{Alnum}\\-.]+)](?::\\d+)?|(?:" + IPV6_RE + ")(?:\\.\\d+)?");
    private static final Pattern ACME_DOMAIN = Pattern.compile("(?i)[a-z0-9][a-z0-9_-]*(?:\\.[a-z0-9][a-z0-9_-]*)+");
    private static final Pattern ACME_ALIAS = Pattern.compile("(?i)[a-z0-9_][a-z0-9_-]*(?:\\.[a-z0-9_][a-z0-9_-]*)+");
    private static final Pattern PEM_B64 = Pattern.compile("[0-9A-Za-z+/]");
    private static final Pattern LIST_SPLIT = Pattern.compile("[,;\\s]+");
    static final Pattern CIDR_SHAPE = Pattern.compile("(.+)/(\\d{1,3})");
    private static final Pattern VLAN = Pattern.compile("(\\d+)(?:-(\\d+))?");
    private static final Pattern CPUSET_PART = Pattern.compile("\\s*(\\d{1,9})(?:-(\\d{1,9}))?\\s*");
    private static final Pattern LINK_LOCAL = Pattern.compile("(fe80:[^%]+)%(.*)");
    private static final Pattern JOB_ID = Pattern.compile("(\\d+)-(\\d+)");
    private static final Pattern DIR_OVERRIDE = Pattern.compile("(?s)([a-z]+)=(.*)");
    private static final Pattern ID_PAIR = Pattern.compile("([^:]+):([^:]+)");
    private static final Pattern PEM_START = Pattern.compile("-----BEGIN .*?-----");
    private static final Set<String> CONTENT = Set.of("images", "rootdir", "vztmpl", "iso", "backup", "snippets", "import");
    private static final Set<String> HOTPLUG = Set.of("network", "disk", "cpu", "memory", "usb", "cloudinit");
    private static final Set<String> IPV4_MASKS = IntStream.rangeClosed(0, 32)
            .mapToObj(bits -> ipv4Text(0xffffffffL << (32 - bits) & 0xffffffffL)).collect(Collectors.toUnmodifiableSet());
    private static final Set<String> DRIVES = names(Map.of("ide", 4, "scsi", 31, "virtio", 16, "sata", 6), "efidisk0", "tpmstate0");
    private static final Set<String> BOOT_DEVICES = names(Map.of("ide", 4, "scsi", 31, "virtio", 16, "sata", 6, "net", 32,
            "usb", 14, "hostpci", 16));
    private static final ObjectMapper JSON = new ObjectMapper();

    private static final Map<String, Function<String, String>> CHECKS = Map.ofEntries(
            // pve-common PVE::JSONSchema, PVE::Certificate, PVE::CpuSet
            Map.entry("string", v -> null),
            Map.entry("pve-vmid", rx(VMID, v -> "value does not look like a valid VM ID")),
            Map.entry("pve-node", rx(NODE, v -> "value does not look like a valid node name")),
            Map.entry("pve-storage-id", rx(STORAGE_ID, v -> "storage ID '" + v + "' contains illegal characters")),
            Map.entry("pve-configid", rx(CONFIG_ID, v -> "invalid configuration ID '" + v + "'")),
            Map.entry("pve-bridge-id", rx(BRIDGE, v -> "invalid bridge ID '" + v + "'")),
            Map.entry("pve-tag", rx(TAG, v -> "invalid characters in tag '" + v + "'")),
            Map.entry("pve-iface", rx(IFACE, v -> "invalid network interface name '" + v + "'")),
            Map.entry("urlencoded", rx(URLENCODED, v -> "value '" + v + "' is not urlencoded")),
            Map.entry("disk-size", rx(DISK_SIZE, v -> "unable to parse size '" + v + "'")),
            Map.entry("mac-addr", rx(MAC, v -> "value does not look like a valid unicast MAC address")),
            Map.entry("ipv4", rx(IPV4, v -> "value does not look like a valid IPv4 address")),
            Map.entry("ipv6", rx(IPV6, v -> "value does not look like a valid IPv6 address")),
            Map.entry("ip", v -> isIp(v) ? null : "value does not look like a valid IP address"),
            Map.entry("ipv4mask", v -> IPV4_MASKS.contains(v) ? null : "value does not look like a valid IP netmask"),
            Map.entry("CIDRv4", v -> cidr(v, 32) ? null : "value does not look like a valid IPv4 CIDR network"),
            Map.entry("CIDRv6", v -> cidr(v, 128) ? null : "value does not look like a valid IPv6 CIDR network"),
            Map.entry("CIDR", v -> cidr(v, 32) || cidr(v, 128) ? null : "value does not look like a valid CIDR network"),
            Map.entry("pve-ipv4-config", v -> v.matches("dhcp|manual") || cidr(v, 32)
                    ? null : "value does not look like a valid ipv4 network configuration"),
            Map.entry("pve-ipv6-config", v -> v.matches("auto|dhcp|manual") || cidr(v, 128)
                    ? null : "value does not look like a valid ipv6 network configuration"),
            Map.entry("dns-name", rx(DNS_NAME, v -> "value does not look like a valid DNS name")),
            Map.entry("address", v -> isIp(v) || DNS_NAME.matcher(v).matches()
                    ? null : "value does not look like a valid address: " + v),
            Map.entry("email", rx(EMAIL, v -> "value does not look like a valid email address")),
            Map.entry("email-or-username", v -> EMAIL.matcher(v).matches() || EMAIL_USER.matcher(v).matches()
                    ? null : "value does not look like a valid email address or user name"),
            Map.entry("ldap-simple-attr", rx(Pattern.compile("[a-zA-Z0-9]+"),
                    v -> "value '" + v + "' does not look like a simple ldap attribute name")),
            Map.entry("pve-startup-order", Formats::startupOrder),
            Map.entry("pve-task-status-type", rx(Pattern.compile("(?i)ok|error|warning|unknown"), v -> "invalid status '" + v + "'")),
            Map.entry("pve-vlan-id-or-range", Formats::vlanIdOrRange),
            Map.entry("pve-calendar-event", CalendarEvent::check),
            Map.entry("pve-cpuset", Formats::cpuset),
            Map.entry("pem-certificate", v -> pem(v, "CERTIFICATE", false)),
            Map.entry("pem-certificate-chain", v -> pem(v, "CERTIFICATE", true)),
            Map.entry("pem-string", v -> pem(v, ".*?", false)),
            Map.entry("storage-pair", v -> idPair(v, "pve-storage-id")),
            Map.entry("bridge-pair", v -> idPair(v, "pve-bridge-id")),
            // pve-storage PVE::Storage::Plugin
            Map.entry("pve-storage-content", v -> CONTENT.contains(v) ? null : "invalid content type '" + v + "'"),
            Map.entry("pve-volume-id", rx(VOLUME_ID, v -> "unable to parse volume ID '" + v + "'")),
            Map.entry("pve-storage-path", v -> v.matches("(?s)/[^;()].*") ? null : "value does not look like a valid absolute path"),
            Map.entry("pve-storage-path-in-property-string", v -> v.matches("(?s)/[^;,=()].*") ? null
                    : "Value does not look like a valid absolute path. These symbols are currently not allowed in path: ;,=()"),
            Map.entry("pve-storage-server", v -> isIp(v) || DNS_NAME.matcher(v).matches()
                    ? null : "value does not look like a valid server name or IP address"),
            Map.entry("pve-storage-vgname", rx(LVM_NAME, v -> "lvm name '" + v + "' contains illegal characters")),
            Map.entry("pve-storage-portal-dns", rx(PORTAL, v -> "value does not look like a valid portal address")),
            Map.entry("pve-storage-options", rx(Pattern.compile("\\S+"), v -> "invalid options '" + v + "'")),
            Map.entry("pve-dir-override", Formats::dirOverride),
            // pve-guest-common, pve-manager, pve-cluster
            Map.entry("pve-replication-job-id", Formats::replicationJobId),
            Map.entry("pve-day-of-week", rx(Pattern.compile("mon|tue|wed|thu|fri|sat|sun"), v -> "invalid day '" + v + "'")),
            Map.entry("pve-acme-domain", rx(ACME_DOMAIN, v -> "value '" + v + "' does not look like a valid domain name!")),
            Map.entry("pve-acme-alias", rx(ACME_ALIAS, v -> "value '" + v + "' does not look like a valid alias name!")),
            Map.entry("graphite-path", rx(DNS_NAME, v -> "value does not look like a valid graphite path")),
            Map.entry("mac-prefix", rx(MAC_PREFIX, v -> "value is not a valid unicast MAC address prefix")),
            Map.entry("pve-command-batch", Formats::commandBatch),
            // qemu-server
            Map.entry("pve-volume-id-or-qm-path", v -> v.equals("none") || v.equals("cdrom") ? null : volumeOrPath(v)),
            Map.entry("pve-volume-id-or-absolute-path", Formats::volumeOrPath),
            Map.entry("pve-qm-bootdisk", v -> DRIVES.contains(v) ? null : "invalid boot disk '" + v + "'"),
            Map.entry("pve-qm-bootdev", v -> BOOT_DEVICES.contains(v) ? null : "invalid boot device '" + v + "'"),
            Map.entry("pve-hotplug-features", Formats::hotplugFeatures),
            Map.entry("pve-phys-bits", v -> v.equals("host") || v.matches("\\d{1,2}") && AsciiNumbers.parseInt(v) >= 8
                    && AsciiNumbers.parseInt(v) <= 64 ? null : "value must be an integer between 8 and 64 or 'host'"),
            // pve-container
            Map.entry("pve-ct-timezone", Formats::ctTimezone),
            Map.entry("pve-lxc-mp-string", v -> v.matches("(?s).*/\\.\\.?(/.*|)|\\.\\./.*")
                    ? v + " contains illegal character sequences" : null),
            Map.entry("pve-lxc-dev-string", v -> v.matches("(?s).*/\\.\\.?(/.*|)") || !v.startsWith("/dev/")
                    ? v + " is not a valid device path" : null),
            Map.entry("lxc-ip-with-ll-iface", Formats::ipWithLinkLocalIface),
            // pve-access-control
            Map.entry("pve-userid", rx(USERID, v -> "value '" + v + "' does not look like a valid user name")),
            Map.entry("pve-tokenid", rx(TOKENID, v -> "value '" + v + "' does not look like a valid token ID")),
            Map.entry("pve-realm", rx(REALM, v -> "value '" + v + "' does not look like a valid realm")),
            Map.entry("pve-poolid", rx(POOLID, v -> "pool name '" + v + "' contains illegal characters")),
            Map.entry("pve-groupid", rx(ACCESS_NAME, v -> "group name '" + v + "' contains invalid characters")),
            Map.entry("pve-roleid", rx(ACCESS_NAME, v -> "role name '" + v + "' contains invalid characters")),
            Map.entry("pve-priv", rx(PRIV, v -> "invalid privilege name '" + v + "'")),
            // pve-ha-manager
            Map.entry("pve-ha-resource-or-vm-id", rx(HA_SID, v -> "unable to parse HA resource id '" + v + "'")),
            Map.entry("pve-ha-resource-id", rx(HA_SID, v -> "unable to parse HA resource id '" + v + "'")),
            Map.entry("pve-ha-node", rx(HA_NODE, v -> "value does not look like a valid ha group node")),
            // pve-network
            Map.entry("pve-sdn-zone-id", v -> sdnId(v, "zone", SDN_ID, 8)),
            Map.entry("pve-sdn-vnet-id", v -> sdnId(v, "vnet", SDN_ID, 8)),
            Map.entry("pve-sdn-controller-id", v -> sdnId(v, "controller", SDN_CONTROLLER, 64)),
            Map.entry("pve-sdn-ipam-id", v -> sdnId(v, "ipam", SDN_ID, Integer.MAX_VALUE)),
            Map.entry("pve-sdn-dns-id", v -> sdnId(v, "dns", SDN_ID, Integer.MAX_VALUE)),
            Map.entry("pve-sdn-fabric-id", rx(SDN_FABRIC, v -> "Fabric ID '" + v + "' contains illegal characters")),
            Map.entry("pve-sdn-subnet-id", Formats::sdnSubnetId),
            Map.entry("pve-sdn-isis-net", rx(ISIS_NET, v -> "value does not look like a valid isis net")),
            Map.entry("pve-sdn-bgp-rt", v -> v.matches("\\d{1,10}:\\d{1,10}") && Stream.of(v.split(":"))
                    .allMatch(n -> AsciiNumbers.parseLong(n) <= 0xffffffffL) ? null : "value does not look like a valid bgp route-target"),
            // pve-firewall
            Map.entry("IPorCIDR", Firewall::ipOrCidr),
            Map.entry("IPorCIDRorAlias", v -> Firewall.ALIAS.matcher(v).matches() ? null : Firewall.ipOrCidr(v)),
            Map.entry("pve-fw-addr-spec", Firewall::addressList),
            Map.entry("pve-fw-sport-spec", v -> Firewall.ports(v, false)),
            Map.entry("pve-fw-dport-spec", v -> Firewall.ports(v, true)),
            Map.entry("pve-fw-protocol-spec", Firewall::protocol),
            Map.entry("pve-fw-icmp-type-spec", Firewall::icmpType),
            Map.entry("pve-fw-conntrack-helper", Firewall::conntrackHelpers));

    private Formats() {}

    /** Returns null when {@code value} satisfies the named format, or PVE's reason. */
    static String check(String format, String value) {
        Function<String, String> f = CHECKS.get(format);
        if (f != null) {
            return f.apply(value);
        }
        if (NamedPropertyFormats.has(format)) {
            return NamedPropertyFormats.check(format, value);
        }
        if (format.endsWith("-list") && CHECKS.containsKey(base(format))) {
            return list(value, base(format));
        }
        if (format.endsWith("-opt") && CHECKS.containsKey(base(format))) {
            // Perl truth: '' and '0' are "no value"
            return value.isEmpty() || value.equals("0") ? null : check(base(format), value);
        }
        return null;
    }

    /** Whether {@link #check} knows the named format (directly, as a property string or as a list/opt of one). */
    static boolean implemented(String format) {
        return CHECKS.containsKey(format) || NamedPropertyFormats.has(format)
                || (format.endsWith("-list") || format.endsWith("-opt")) && CHECKS.containsKey(base(format));
    }

    private static String base(String format) {
        return format.substring(0, format.lastIndexOf('-'));
    }

    private static String list(String value, String itemFormat) {
        for (String item : LIST_SPLIT.split(value)) {
            String err = item.isEmpty() ? null : check(itemFormat, item);
            if (err != null) {
                return err;
            }
        }
        return null;
    }

    private static Function<String, String> rx(Pattern pattern, Function<String, String> reason) {
        return v -> pattern.matcher(v).matches() ? null : reason.apply(v);
    }

    static boolean isIp(String v) {
        return IPV4.matcher(v).matches() || IPV6.matcher(v).matches();
    }

    /** {@code PVE::JSONSchema}'s CIDR: an address of the version and a prefix length above 7. */
    private static boolean cidr(String v, int maxBits) {
        Matcher m = CIDR_SHAPE.matcher(v);
        if (!m.matches() || !(maxBits == 32 ? IPV4 : IPV6).matcher(m.group(1)).matches()) {
            return false;
        }
        int bits = AsciiNumbers.parseInt(m.group(2));
        return bits > 7 && bits <= maxBits;
    }

    /** The address as a number (32 or 128 bits); only for strings that passed {@link #isIp}. */
    static BigInteger ipBits(String ip) {
        if (IPV4.matcher(ip).matches()) {
            long n = 0;
            for (String octet : ip.split("\\.")) {
                n = n << 8 | AsciiNumbers.parseInt(octet);
            }
            return BigInteger.valueOf(n);
        }
        String s = ip;
        int lastColon = s.lastIndexOf(':');
        if (s.indexOf('.', lastColon) > 0) {
            long v4 = ipBits(s.substring(lastColon + 1)).longValue();
            s = s.substring(0, lastColon + 1) + Long.toHexString(v4 >> 16) + ":" + Long.toHexString(v4 & 0xffff);
        }
        String[] halves = s.split("::", -1);
        List<String> head = words(halves[0]);
        List<String> tail = halves.length > 1 ? words(halves[1]) : List.of();
        BigInteger n = BigInteger.ZERO;
        for (String w : head) {
            n = n.shiftLeft(16).or(BigInteger.valueOf(AsciiNumbers.parseInt(w, 16)));
        }
        n = n.shiftLeft(16 * (8 - head.size() - tail.size()));
        for (String w : tail) {
            n = n.shiftLeft(16).or(BigInteger.valueOf(AsciiNumbers.parseInt(w, 16)));
        }
        return n;
    }

    private static List<String> words(String s) {
        return s.isEmpty() ? List.of() : List.of(s.split(":"));
    }

    private static String ipv4Text(long n) {
        return (n >> 24 & 255) + "." + (n >> 16 & 255) + "." + (n >> 8 & 255) + "." + (n & 255);
    }

    /** RFC 3986's IPv6address, as {@code PVE::Tools::$IPV6RE} spells it. */
    private static String ipv6Re(String h16, String ls32) {
        String g = "(?:" + h16 + ":)";
        return "(?:(?:" + g + "{6}" + ls32 + ")|(?:::" + g + "{5}" + ls32 + ")|(?:(?:" + h16 + ")?::" + g + "{4}" + ls32 + ")"
                + "|(?:(?:" + g + "{0,1}" + h16 + ")?::" + g + "{3}" + ls32 + ")|(?:(?:" + g + "{0,2}" + h16 + ")?::" + g + "{2}" + ls32 + ")"
                + "|(?:(?:" + g + "{0,3}" + h16 + ")?::" + g + ls32 + ")|(?:(?:" + g + "{0,4}" + h16 + ")?::" + ls32 + ")"
                + "|(?:(?:" + g + "{0,5}" + h16 + ")?::" + h16 + ")|(?:(?:" + g + "{0,6}" + h16 + ")?::))";
    }

    private static Set<String> names(Map<String, Integer> counts, String... extra) {
        Stream<String> numbered = counts.entrySet().stream()
                .flatMap(e -> IntStream.range(0, e.getValue()).mapToObj(i -> e.getKey() + i));
        return Stream.concat(numbered, Stream.of(extra)).collect(Collectors.toUnmodifiableSet());
    }

    private static String volumeOrPath(String v) {
        return v.startsWith("/") || VOLUME_ID.matcher(v).matches() ? null : "unable to parse volume ID '" + v + "'";
    }

    /** {@code pve_parse_startup_order}: '[order=]N', 'up=N', 'down=N'; an empty or '0' value is refused (Perl truth). */
    private static String startupOrder(String v) {
        boolean ok = !v.isEmpty() && !v.equals("0");
        for (String part : v.split(",")) {
            ok &= part.isBlank() || part.matches("(order=)?\\d+|up=\\d+|down=\\d+");
        }
        return ok ? null : "unable to parse startup options";
    }

    private static String vlanIdOrRange(String v) {
        Matcher m = VLAN.matcher(v);
        if (!m.matches()) {
            return "invalid VLAN configuration '" + v + "'";
        }
        for (int g = 1; g <= 2; g++) {
            String tag = m.group(g);
            if (tag != null && (tag.length() > 4 || AsciiNumbers.parseInt(tag) < 2 || AsciiNumbers.parseInt(tag) > 4094)) {
                return "invalid VLAN tag '" + tag + "'";
            }
        }
        if (m.group(2) != null && AsciiNumbers.parseInt(m.group(1)) >= AsciiNumbers.parseInt(m.group(2))) {
            return "VLAN range must go from lower to higher tag '" + v + "'";
        }
        return null;
    }

    private static String cpuset(String v) {
        for (String part : v.split(",")) {
            Matcher m = CPUSET_PART.matcher(part);
            if (!m.matches() || m.group(2) != null && AsciiNumbers.parseInt(m.group(2)) < AsciiNumbers.parseInt(m.group(1))) {
                return "unable to parse cpuset option";
            }
        }
        return null;
    }

    private static String hotplugFeatures(String v) {
        if (v.equals("0") || v.equals("1")) {
            return null;
        }
        for (String feature : LIST_SPLIT.split(v)) {
            if (!feature.isEmpty() && !HOTPLUG.contains(feature)) {
                return "unable to parse hotplug option";
            }
        }
        return null;
    }

    /** 'host', 'UTC' or a zone of zone.tab; the JDK's zone list stands in for zone.tab (it also knows its aliases). */
    private static String ctTimezone(String v) {
        boolean known = v.equals("host") || v.equals("UTC")
                || v.contains("/") && !v.startsWith("Etc/") && !v.startsWith("SystemV/") && ZoneId.getAvailableZoneIds().contains(v);
        return known ? null : "invalid time zone '" + v + "'";
    }

    private static String ipWithLinkLocalIface(String v) {
        Matcher m = LINK_LOCAL.matcher(v);
        if (m.matches() && isIp(m.group(1)) && IFACE.matcher(m.group(2)).matches()) {
            return null;
        }
        return isIp(v) ? null : "value does not look like a valid IP address";
    }

    private static String replicationJobId(String v) {
        Matcher m = JOB_ID.matcher(v);
        if (!m.matches()) {
            return "invalid replication job id '" + v + "'";
        }
        return m.group(1).replaceFirst("^0+", "").length() < 3
                ? "invalid replication job id '" + v + "' (guest IDs < 100 are reseved)" : null;
    }

    private static String sdnId(String v, String kind, Pattern pattern, int maxLength) {
        if (!pattern.matcher(v).matches()) {
            return kind + " ID '" + v + "' contains illegal characters";
        }
        return v.length() > maxLength ? kind + " ID '" + v + "' can't be more length than " + maxLength + " characters" : null;
    }

    /** 'zone-10.0.0.0-24' (or a plain CIDR) naming an IPv4 or IPv6 network. */
    private static String sdnSubnetId(String v) {
        String[] parts = v.split("-");
        String cidr = v.contains("/") ? v : parts.length > 2 ? parts[1] + "/" + parts[2] : "";
        return cidr(cidr, 32) || cidr(cidr, 128) ? null : "value does not look like a valid CIDR network";
    }

    /** 'content=relative/path': a known content type and a path without '..' or a trailing '.'. */
    private static String dirOverride(String v) {
        Matcher m = DIR_OVERRIDE.matcher(v);
        if (m.matches() && CONTENT.contains(m.group(1))) {
            String path = m.group(2);
            boolean shaped = !path.isEmpty() && !path.contains("..") && !path.endsWith(".");
            if (shaped && path.length() < 1023 && Stream.of(path.split("/")).allMatch(s -> s.length() < 255)) {
                return null;
            }
        }
        return "invalid override '" + v + "'";
    }

    /** One entry of a storage or bridge map: '1', 'ID' or 'SOURCE:TARGET' ({@code PVE::JSONSchema::parse_idmap}). */
    private static String idPair(String entry, String idFormat) {
        if (entry.equals("1")) {
            return null;
        }
        Matcher m = ID_PAIR.matcher(entry);
        String err = m.matches() ? firstNonNull(check(idFormat, m.group(1)), check(idFormat, m.group(2))) : check(idFormat, entry);
        return err == null ? null : "entry '" + entry + "' contains invalid ID - " + err;
    }

    private static String firstNonNull(String a, String b) {
        return a != null ? a : b;
    }

    /** {@code PVE::Certificate::check_pem}: PEM blocks with the given label, text before the first one ignored. */
    private static String pem(String v, String label, boolean multiple) {
        String header = "-----BEGIN " + label + "-----\\s*";
        String block = header + "(?:" + PEM_B64.pattern() + "+\\s*\\n)*" + PEM_B64.pattern() + "*(?:=\\s*\\n=|={0,2})?\\s*\\n"
                + "-----END " + label + "-----\\s*";
        Matcher start = PEM_START.matcher(v);
        String content = start.find() ? v.substring(start.start()) : v;
        String re = multiple ? "(?:" + block + "\\n+)*" + block : block;
        return Pattern.compile(re).matcher(content).matches() ? null : "not a valid PEM-formatted string.";
    }

    /** A JSON array of {path, method[, args]} objects, as the node's bulk 'execute' call takes. */
    private static String commandBatch(String v) {
        JsonNode commands;
        try {
            commands = JSON.readTree(v);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return "commands param did not contain valid JSON: " + e.getOriginalMessage();
        }
        boolean valid = commands != null && commands.isArray();
        for (JsonNode c : valid ? commands : JSON.createArrayNode()) {
            valid &= c.isObject() && c.path("path").isTextual()
                    && c.path("method").asText().matches("GET|POST|PUT|DELETE") && (!c.has("args") || c.get("args").isObject());
        }
        return valid ? null : "commands is not a valid array of commands";
    }

}
