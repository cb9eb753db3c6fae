package dev.ops.testkit.pve.internal;

import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * PVE's named string formats ({@code format: "pve-vmid"} etc.). Their rules live in PVE's Perl code,
 * not in the schema; the ones a client commonly sends are re-implemented here after
 * {@code PVE::JSONSchema}, {@code PVE::Storage} and {@code PVE::QemuServer}. Unknown names pass.
 */
final class Formats {

    private static final Pattern VMID = Pattern.compile("[1-9][0-9]{2,8}");
    private static final Pattern NODE = Pattern.compile("[a-zA-Z0-9]([a-zA-Z0-9\\-]*[a-zA-Z0-9])?");
    private static final Pattern STORAGE_ID = Pattern.compile("[a-z][a-z0-9\\-_.]*[a-z0-9]");
    private static final Pattern CONFIG_ID = Pattern.compile("[a-z][a-z_\\-0-9]*");
    private static final Pattern VOLUME_ID = Pattern.compile("(?i)([a-z][a-z0-9\\-_.]*[a-z0-9]):(.+)");
    private static final Pattern USERID = Pattern.compile("[^\\s:/]+@[A-Za-z][A-Za-z0-9.\\-_]+");
    private static final Pattern TOKENID = Pattern.compile("[A-Za-z][A-Za-z0-9.\\-_]+");
    private static final Pattern REALM = Pattern.compile("[A-Za-z][A-Za-z0-9.\\-_]+");
    private static final Pattern POOLID = Pattern.compile("[A-Za-z0-9_\\-]+(/[A-Za-z0-9_\\-]+){0,2}");
    private static final Pattern DNS_LABEL = Pattern.compile("[a-zA-Z0-9]([a-zA-Z0-9\\-]*[a-zA-Z0-9])?");
    private static final Pattern MAC = Pattern.compile("[a-fA-F0-9]{2}(:[a-fA-F0-9]{2}){5}");
    private static final Pattern IPV4 = Pattern.compile(
            "((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)");
    private static final Pattern IPV6 = Pattern.compile("[0-9a-fA-F:.]*:[0-9a-fA-F:.]*");
    private static final Pattern TAG = Pattern.compile("[a-z0-9_][a-z0-9_\\-+.]*", Pattern.CASE_INSENSITIVE);
    private static final Pattern IFACE = Pattern.compile("[a-zA-Z][a-zA-Z0-9_.\\-]{1,20}");
    private static final Pattern BRIDGE = Pattern.compile("[-_.\\w\\d]+");
    private static final Pattern DISK_SIZE = Pattern.compile("\\d+(\\.\\d+)?[KMGT]?");
    private static final Pattern URLENCODED = Pattern.compile("[-%a-zA-Z0-9_.!~*'()]*");
    private static final Pattern PRIV = Pattern.compile("[A-Za-z][A-Za-z.]*");
    private static final Pattern HA_SID = Pattern.compile("((vm|ct):)?[1-9][0-9]{2,8}");
    private static final Pattern LIST_SPLIT = Pattern.compile("[,;\\s]+");
    private static final Set<String> CONTENT = Set.of("images", "rootdir", "vztmpl", "iso", "backup", "snippets", "import");

    private static final Map<String, Function<String, String>> CHECKS = Map.ofEntries(
            Map.entry("pve-vmid", v -> VMID.matcher(v).matches() ? null : "value does not look like a valid VM ID"),
            Map.entry("pve-vmid-list", v -> list(v, "pve-vmid")),
            Map.entry("pve-node", v -> NODE.matcher(v).matches() ? null : "value does not look like a valid node name"),
            Map.entry("pve-node-list", v -> list(v, "pve-node")),
            Map.entry("pve-storage-id", v -> STORAGE_ID.matcher(v).matches() ? null : "storage ID '" + v + "' contains illegal characters"),
            Map.entry("pve-storage-id-list", v -> list(v, "pve-storage-id")),
            Map.entry("pve-configid", v -> CONFIG_ID.matcher(v).matches() ? null : "invalid configuration ID '" + v + "'"),
            Map.entry("pve-configid-list", v -> list(v, "pve-configid")),
            Map.entry("pve-volume-id", v -> VOLUME_ID.matcher(v).matches() ? null : "unable to parse volume ID '" + v + "'"),
            Map.entry("pve-volume-id-or-qm-path", Formats::volumeOrPath),
            Map.entry("pve-volume-id-or-absolute-path", Formats::volumeOrPath),
            Map.entry("pve-storage-content", v -> CONTENT.contains(v) ? null : "invalid content type '" + v + "'"),
            Map.entry("pve-storage-content-list", v -> list(v, "pve-storage-content")),
            Map.entry("pve-userid", v -> USERID.matcher(v).matches() ? null : "value '" + v + "' does not look like a valid user name"),
            Map.entry("pve-userid-list", v -> list(v, "pve-userid")),
            Map.entry("pve-tokenid-list", v -> tokenList(v)),
            Map.entry("pve-realm", v -> REALM.matcher(v).matches() ? null : "value '" + v + "' does not look like a valid realm"),
            Map.entry("pve-poolid", v -> POOLID.matcher(v).matches() ? null : "pool name '" + v + "' contains illegal characters"),
            Map.entry("dns-name", v -> dnsName(v) ? null : "value does not look like a valid DNS name"),
            Map.entry("dns-name-list", v -> list(v, "dns-name")),
            Map.entry("mac-addr", v -> MAC.matcher(v).matches() && (Integer.parseInt(v.substring(0, 2), 16) & 1) == 0
                    ? null : "value does not look like a valid unicast MAC address"),
            Map.entry("ipv4", v -> IPV4.matcher(v).matches() ? null : "value does not look like a valid IPv4 address"),
            Map.entry("ipv6", v -> IPV6.matcher(v).matches() ? null : "value does not look like a valid IPv6 address"),
            Map.entry("ip", v -> IPV4.matcher(v).matches() || IPV6.matcher(v).matches() ? null : "value does not look like a valid IP address"),
            Map.entry("ip-list", v -> list(v, "ip")),
            Map.entry("address", v -> IPV4.matcher(v).matches() || IPV6.matcher(v).matches() || dnsName(v)
                    ? null : "value does not look like a valid address"),
            Map.entry("CIDRv4", v -> cidr(v, true, false)),
            Map.entry("CIDRv6", v -> cidr(v, false, true)),
            Map.entry("CIDR", v -> cidr(v, true, true)),
            Map.entry("IPorCIDR", v -> IPV4.matcher(v).matches() || IPV6.matcher(v).matches() ? null : cidr(v, true, true)),
            Map.entry("pve-tag-list", v -> list(v, "pve-tag")),
            Map.entry("pve-tag", v -> TAG.matcher(v).matches() ? null : "invalid characters in tag '" + v + "'"),
            Map.entry("pve-iface", v -> IFACE.matcher(v).matches() ? null : "invalid network interface name '" + v + "'"),
            Map.entry("pve-iface-list", v -> list(v, "pve-iface")),
            Map.entry("pve-bridge-id", v -> BRIDGE.matcher(v).matches() ? null : "invalid bridge ID '" + v + "'"),
            Map.entry("disk-size", v -> DISK_SIZE.matcher(v).matches() ? null : "unable to parse size '" + v + "'"),
            Map.entry("urlencoded", v -> URLENCODED.matcher(v).matches() ? null : "value '" + v + "' is not urlencoded"),
            Map.entry("pve-priv-list", v -> list(v, "pve-priv")),
            Map.entry("pve-priv", v -> PRIV.matcher(v).matches() ? null : "invalid privilege name '" + v + "'"),
            Map.entry("pve-ha-resource-or-vm-id", v -> HA_SID.matcher(v).matches() ? null : "unable to parse HA resource id '" + v + "'"),
            Map.entry("pve-ha-resource-id-list", v -> list(v, "pve-ha-resource-or-vm-id")));

    private Formats() {}

    /** Returns null when {@code value} satisfies the named format, or PVE's reason. */
    static String check(String format, String value) {
        Function<String, String> f = CHECKS.get(format);
        return f == null ? null : f.apply(value);
    }

    private static String list(String value, String itemFormat) {
        for (String item : LIST_SPLIT.split(value)) {
            if (item.isEmpty()) {
                continue;
            }
            String err = check(itemFormat, item);
            if (err != null) {
                return err;
            }
        }
        return null;
    }

    private static String tokenList(String value) {
        for (String item : LIST_SPLIT.split(value)) {
            if (!item.isEmpty() && !TOKENID.matcher(item).matches()) {
                return "invalid token ID '" + item + "'";
            }
        }
        return null;
    }

    private static String volumeOrPath(String v) {
        if (v.equals("none") || v.equals("cdrom") || v.startsWith("/") || VOLUME_ID.matcher(v).matches()) {
            return null;
        }
        return "unable to parse volume ID '" + v + "'";
    }

    private static boolean dnsName(String v) {
        if (v.isEmpty() || v.length() > 255) {
            return false;
        }
        for (String label : v.split("\\.", -1)) {
            if (!DNS_LABEL.matcher(label).matches()) {
                return false;
            }
        }
        return true;
    }

    private static String cidr(String v, boolean v4, boolean v6) {
        int slash = v.indexOf('/');
        if (slash > 0 && v.substring(slash + 1).matches("\\d{1,3}")) {
            String ip = v.substring(0, slash);
            int mask = Integer.parseInt(v.substring(slash + 1));
            if (v4 && IPV4.matcher(ip).matches() && mask <= 32) {
                return null;
            }
            if (v6 && IPV6.matcher(ip).matches() && mask <= 128) {
                return null;
            }
        }
        return "value does not look like a valid CIDR network";
    }
}
