package dev.ops.net.ifupdown;

import dev.ops.core.text.AsciiNumbers;
import dev.ops.core.error.Violations;
import dev.ops.net.Cidr;
import dev.ops.net.IpAddress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * An {@code iface NAME FAMILY METHOD} stanza with its option and comment lines, in file order.
 * Typed getters read the options ops knows; every other option is kept as it is. Edits return a
 * new stanza in which only the touched lines lose their original text.
 *
 * <pre>{@code
 * Iface br = Iface.of("vmbr1", "inet", "static").withAddress("10.0.0.2/24").withBridgePorts("eno2")
 *         .with("bridge-stp", "off").with("bridge-fd", "0").withBridgeVlanAware(true).withBridgeVids("2-4094");
 * }</pre>
 *
 * @param name the interface name
 * @param family {@code inet} or {@code inet6}
 * @param method {@code static}, {@code manual}, {@code dhcp}, {@code loopback} or {@code auto}
 * @param body option and comment lines
 * @param raw the exact parsed header line, or null when made or changed in code (not part of equality)
 */
public record Iface(String name, String family, String method, List<IfaceLine> body, String raw) implements Entry {
    /** The families ops accepts. */
    public static final Set<String> FAMILIES = Set.of("inet", "inet6");
    /** The methods ops accepts. */
    public static final Set<String> METHODS = Set.of("static", "manual", "dhcp", "loopback", "auto");
    /** Bond modes by kernel name, as ifupdown2 accepts them. */
    public static final Set<String> BOND_MODES = Set.of("balance-rr", "active-backup", "balance-xor", "broadcast",
            "802.3ad", "balance-tlb", "balance-alb", "0", "1", "2", "3", "4", "5", "6");
    private static final Pattern WS = Pattern.compile("\\s+");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.:@-]{1,15}");
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]*");

    public Iface {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(family, "family");
        Objects.requireNonNull(method, "method");
        body = List.copyOf(body);
    }

    /** An empty stanza made in code. */
    public static Iface of(String name, String family, String method) {
        return new Iface(name, family, method, List.of(), null);
    }

    @Override
    public String render() {
        StringBuilder sb = new StringBuilder(raw != null ? raw : "iface " + name + " " + family + " " + method);
        String indent = "\t";
        for (IfaceLine l : body) {
            sb.append('\n');
            if (l instanceof IfaceOption o) {
                sb.append(o.render(indent));
                if (o.raw() != null) {
                    indent = o.indent();
                }
            } else {
                sb.append(l.render());
            }
        }
        return sb.toString();
    }

    /** The options in file order, comments left out. */
    public List<IfaceOption> options() {
        return body.stream().filter(IfaceOption.class::isInstance).map(IfaceOption.class::cast).toList();
    }

    /** The value of the first option named {@code key}. */
    public Optional<String> option(String key) {
        return options().stream().filter(o -> o.key().equals(key)).map(IfaceOption::value).findFirst();
    }

    /** The values of every option named {@code key}, in order. */
    public List<String> optionValues(String key) {
        return options().stream().filter(o -> o.key().equals(key)).map(IfaceOption::value).toList();
    }

    /** The first {@code address}, when it is in CIDR form. */
    public Optional<Cidr> address() {
        return option("address").flatMap(Cidr::tryParse);
    }

    /** Every {@code address} in CIDR form. */
    public List<Cidr> addresses() {
        return optionValues("address").stream().flatMap(a -> Cidr.tryParse(a).stream()).toList();
    }

    /** The {@code gateway}. */
    public Optional<IpAddress> gateway() {
        return option("gateway").flatMap(IpAddress::tryParse);
    }

    /** The {@code bridge-ports}; empty for {@code none} or when absent. */
    public List<String> bridgePorts() {
        return words("bridge-ports");
    }

    /** {@code bridge-stp} as a boolean. */
    public Optional<Boolean> bridgeStp() {
        return option("bridge-stp").map(Iface::yes);
    }

    /** {@code bridge-fd} in seconds. */
    public OptionalInt bridgeFd() {
        return integer("bridge-fd");
    }

    /** Whether {@code bridge-vlan-aware yes}. */
    public boolean bridgeVlanAware() {
        return option("bridge-vlan-aware").map(Iface::yes).orElse(false);
    }

    /** The {@code bridge-vids} as written, e.g. {@code 2-4094}. */
    public Optional<String> bridgeVids() {
        return option("bridge-vids");
    }

    /** The {@code bond-slaves}; empty for {@code none} or when absent. */
    public List<String> bondSlaves() {
        return words("bond-slaves");
    }

    /** The {@code bond-mode}. */
    public Optional<String> bondMode() {
        return option("bond-mode");
    }

    /** The {@code bond-miimon} in milliseconds. */
    public OptionalInt bondMiimon() {
        return integer("bond-miimon");
    }

    /** The {@code vlan-raw-device}. */
    public Optional<String> vlanRawDevice() {
        return option("vlan-raw-device");
    }

    /** The {@code mtu}. */
    public OptionalInt mtu() {
        return integer("mtu");
    }

    private List<String> words(String key) {
        return option(key).filter(v -> !v.equals("none"))
                .map(v -> Arrays.stream(WS.split(v.trim())).filter(s -> !s.isEmpty()).toList()).orElse(List.of());
    }

    private OptionalInt integer(String key) {
        Optional<String> v = option(key);
        if (v.isEmpty() || !intIn(v.get(), 0, 999_999_999)) {
            return OptionalInt.empty();
        }
        return OptionalInt.of(AsciiNumbers.parseInt(v.get()));
    }

    private static boolean yes(String v) {
        return v.equals("yes") || v.equals("on") || v.equals("1");
    }

    /** Sets {@code key} to {@code value}: the first such line is replaced in place, later ones removed; appended when absent. */
    public Iface with(String key, String value) {
        List<IfaceLine> out = new ArrayList<>();
        boolean done = false;
        for (IfaceLine l : body) {
            if (l instanceof IfaceOption o && o.key().equals(key)) {
                if (!done) {
                    out.add(o.value().equals(value) ? o : new IfaceOption(key, value, o.raw() == null ? null : o.indent() + key + " " + value));
                    done = true;
                }
            } else {
                out.add(l);
            }
        }
        if (!done) {
            insertOption(out, IfaceOption.of(key, value));
        }
        return new Iface(name, family, method, out, raw);
    }

    /** Adds another {@code key value} line, after the existing ones. */
    public Iface withAdded(String key, String value) {
        List<IfaceLine> out = new ArrayList<>(body);
        insertOption(out, IfaceOption.of(key, value));
        return new Iface(name, family, method, out, raw);
    }

    private static void insertOption(List<IfaceLine> lines, IfaceOption option) {
        int at = lines.size();
        while (at > 0 && lines.get(at - 1) instanceof Comment) {
            at--;
        }
        lines.add(at, option);
    }

    /** Removes every line of {@code key}. */
    public Iface without(String key) {
        return new Iface(name, family, method,
                body.stream().filter(l -> !(l instanceof IfaceOption o && o.key().equals(key))).toList(), raw);
    }

    /** Another method ({@code static}, {@code manual}...). */
    public Iface withMethod(String newMethod) {
        return newMethod.equals(method) ? this : new Iface(name, family, newMethod, body, null);
    }

    /** Sets {@code address}. */
    public Iface withAddress(String cidr) {
        return with("address", cidr);
    }

    /** Sets {@code gateway}. */
    public Iface withGateway(String gateway) {
        return with("gateway", gateway);
    }

    /** Sets {@code mtu}. */
    public Iface withMtu(int mtu) {
        return with("mtu", String.valueOf(mtu));
    }

    /** Sets {@code bridge-ports} ({@code none} when empty). */
    public Iface withBridgePorts(String... ports) {
        return with("bridge-ports", ports.length == 0 ? "none" : String.join(" ", ports));
    }

    /** Sets {@code bridge-vlan-aware}. */
    public Iface withBridgeVlanAware(boolean aware) {
        return with("bridge-vlan-aware", aware ? "yes" : "no");
    }

    /** Sets {@code bridge-vids}. */
    public Iface withBridgeVids(String vids) {
        return with("bridge-vids", vids);
    }

    /** Sets {@code bond-slaves}, {@code bond-mode} and {@code bond-miimon}. */
    public Iface withBond(String mode, int miimon, String... slaves) {
        return with("bond-slaves", slaves.length == 0 ? "none" : String.join(" ", slaves)).with("bond-miimon", String.valueOf(miimon))
                .with("bond-mode", mode);
    }

    /** Sets {@code vlan-raw-device}. */
    public Iface withVlanRawDevice(String parent) {
        return with("vlan-raw-device", parent);
    }

    /**
     * Adds every problem of this stanza to {@code v}; {@code where} prefixes each field (e.g.
     * {@code line 12} or {@code iface vmbr0}), and {@code lineOf} gives an option's line number
     * ({@code -1} when it has none).
     */
    void validate(Violations v, String where, java.util.function.ToIntFunction<IfaceOption> lineOf) {
        v.check(NAME.matcher(name).matches(), where, "'" + name + "' is not an interface name");
        v.check(FAMILIES.contains(family), where, "family '" + family + "' is not inet or inet6");
        v.check(METHODS.contains(method), where, "method '" + method + "' is not one of static, manual, dhcp, loopback, auto");
        boolean netmask = option("netmask").isPresent();
        for (IfaceOption o : options()) {
            int line = lineOf.applyAsInt(o);
            String at = line > 0 ? "line " + line : where + ": " + o.key();
            String val = o.value();
            v.check(TOKEN.matcher(o.key()).matches(), at, "'" + o.key() + "' is not an option name");
            switch (o.key()) {
                case "address" -> {
                    boolean ok = Cidr.tryParse(val).isPresent() || (netmask && IpAddress.tryParse(val).isPresent());
                    v.check(ok, at, "address " + (val.contains("/") || netmask ? Cidr.problem(val) : "'" + val + "' needs a /prefix (or a netmask line)"));
                    Cidr.tryParse(val).ifPresent(c -> v.check(family.equals(c.family() == dev.ops.net.IpFamily.IPV4 ? "inet" : "inet6"),
                            at, "address " + val + " does not belong to family " + family));
                }
                case "gateway" -> v.check(IpAddress.tryParse(val).isPresent(), at, "gateway '" + val + "' is not an IP address");
                case "mtu" -> v.check(intIn(val, 68, 65535), at, "mtu '" + val + "' is not a number from 68 to 65535");
                case "bridge-stp" -> v.check(Set.of("on", "off", "yes", "no", "0", "1").contains(val), at, "bridge-stp '" + val + "' is not on/off");
                case "bridge-fd" -> v.check(intIn(val, 0, 30), at, "bridge-fd '" + val + "' is not a number from 0 to 30");
                case "bridge-vlan-aware" -> v.check(Set.of("yes", "no", "on", "off", "0", "1").contains(val), at,
                        "bridge-vlan-aware '" + val + "' is not yes/no");
                case "bridge-vids" -> v.check(validVids(val), at, "bridge-vids '" + val + "' must be VLAN ids or ranges within 1-4094");
                case "bridge-ports", "bond-slaves" -> v.check(!val.isEmpty() && Arrays.stream(WS.split(val))
                        .allMatch(p -> NAME.matcher(p).matches() || p.equals("none") || p.contains("*") || p.startsWith("regex")), at,
                        o.key() + " '" + val + "' must list interface names or none");
                case "bond-mode" -> v.check(BOND_MODES.contains(val), at, "bond-mode '" + val + "' is not a bonding mode");
                case "bond-miimon" -> v.check(intIn(val, 0, Integer.MAX_VALUE), at, "bond-miimon '" + val + "' is not a number of milliseconds");
                case "vlan-raw-device" -> v.check(NAME.matcher(val).matches(), at, "vlan-raw-device '" + val + "' is not an interface name");
                case "vlan-id" -> v.check(intIn(val, 1, 4094), at, "vlan-id '" + val + "' is outside 1-4094");
                default -> { }
            }
        }
        int dot = name.lastIndexOf('.');
        if (dot > 0 && intIn(name.substring(dot + 1), 0, Long.MAX_VALUE / 10)) {
            v.check(intIn(name.substring(dot + 1), 1, 4094), where, "VLAN id in '" + name + "' is outside 1-4094");
        }
    }

    private static boolean intIn(String s, long lo, long hi) {
        if (s.length() > 10 || !AsciiNumbers.isDigits(s)) {
            return false;
        }
        long n = AsciiNumbers.parseLong(s);
        return n >= lo && n <= hi;
    }

    private static boolean validVids(String s) {
        for (String part : WS.split(s.trim())) {
            String[] r = part.split("-", -1);
            if (r.length > 2 || !intIn(r[0], 1, 4094) || (r.length == 2 && (!intIn(r[1], 1, 4094)
                    || AsciiNumbers.parseInt(r[1]) < AsciiNumbers.parseInt(r[0])))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Iface other && name.equals(other.name) && family.equals(other.family) && method.equals(other.method)
                && body.equals(other.body);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, family, method, body);
    }

    @Override
    public String toString() {
        return "iface " + name + " " + family + " " + method + " " + body;
    }
}
