package dev.ops.net.naming;

import dev.ops.core.text.HostNames;
import dev.ops.core.text.AsciiNumbers;
import dev.ops.core.error.Violations;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A host name pattern such as {@code pve-{node}-{type}-{seq:02d}}, formatted and parsed both
 * ways. Placeholders: {@code {node}} (letters, digits, inner hyphens), {@code {type}} (letters and
 * digits) and {@code {seq}} or {@code {seq:0Nd}} (the number, zero-padded to N digits).
 *
 * <pre>{@code
 * NamingConvention c = NamingConvention.of("pve-{node}-{type}-{seq:02d}");
 * c.format("node-02", "vm", 7);          // pve-node-02-vm-07
 * c.parse("pve-node-02-vm-07");          // ResourceName[node=node-02, type=vm, sequence=7]
 * }</pre>
 */
public final class NamingConvention {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(node|type|seq)(?::0(\\d)d)?}|\\{[^}]*}");
    private final String pattern;
    private final Pattern regex;
    private final int width;
    private final List<String> order;

    private NamingConvention(String pattern, Pattern regex, int width, List<String> order) {
        this.pattern = pattern;
        this.regex = regex;
        this.width = width;
        this.order = order;
    }

    /** The convention of {@code pattern}; a {@code ValidationException} listing what is wrong with it. */
    public static NamingConvention of(String pattern) {
        Violations v = Violations.of("naming convention");
        v.check(pattern != null && !pattern.isBlank(), "pattern", "must not be blank");
        v.throwIfAny();
        Matcher m = PLACEHOLDER.matcher(pattern);
        StringBuilder rx = new StringBuilder("^");
        List<String> order = new ArrayList<>();
        int width = 0;
        int last = 0;
        while (m.find()) {
            String literal = pattern.substring(last, m.start());
            checkLiteral(v, literal);
            rx.append(Pattern.quote(literal));
            if (m.group(1) == null) {
                v.add("pattern", "unknown placeholder " + m.group() + " (use {node}, {type}, {seq} or {seq:0Nd})");
            } else {
                String name = m.group(1);
                if (order.contains(name)) {
                    v.add("pattern", "{" + name + "} appears twice");
                }
                order.add(name);
                switch (name) {
                    case "node" -> rx.append("([a-z0-9](?:[a-z0-9-]*[a-z0-9])?)");
                    case "type" -> rx.append("([a-z0-9]+?)");
                    default -> {
                        width = m.group(2) == null ? 0 : AsciiNumbers.parseInt(m.group(2));
                        rx.append("(\\d+)");
                    }
                }
            }
            last = m.end();
        }
        checkLiteral(v, pattern.substring(last));
        rx.append(Pattern.quote(pattern.substring(last))).append('$');
        v.check(order.contains("seq"), "pattern", "must contain {seq} so that names are unique");
        v.throwIfAny();
        return new NamingConvention(pattern, Pattern.compile(rx.toString()), width, List.copyOf(order));
    }

    private static void checkLiteral(Violations v, String literal) {
        if (!literal.chars().allMatch(c -> (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.')) {
            v.add("pattern", "literal text '" + literal + "' may hold only a-z, 0-9, '-' and '.'");
        }
    }

    /** The pattern text. */
    public String pattern() {
        return pattern;
    }

    /** The name for these parts; a {@code ValidationException} when a part or the result breaks RFC 1123. */
    public String format(String node, String type, int sequence) {
        Violations v = Violations.of("name");
        v.check(node != null && node.matches("[a-z0-9](?:[a-z0-9-]*[a-z0-9])?"), "node", "'" + node + "' must be lower-case letters, digits and inner hyphens");
        v.check(type != null && type.matches("[a-z0-9]+"), "type", "'" + type + "' must be lower-case letters and digits");
        v.check(sequence >= 0, "sequence", "must not be negative");
        v.throwIfAny();
        String seq = width == 0 ? String.valueOf(sequence) : String.format("%0" + width + "d", sequence);
        String name = pattern.replace("{node}", node).replace("{type}", type).replaceAll("\\{seq(:0\\d+d)?}", seq);
        HostNames.require(name);
        return name;
    }

    /** The parts of {@code name}, or empty when it does not follow this convention. */
    public Optional<ResourceName> parse(String name) {
        Objects.requireNonNull(name, "name");
        Matcher m = regex.matcher(name);
        if (!m.matches()) {
            return Optional.empty();
        }
        String node = "";
        String type = "";
        int seq = 0;
        for (int i = 0; i < order.size(); i++) {
            String g = m.group(i + 1);
            switch (order.get(i)) {
                case "node" -> node = g;
                case "type" -> type = g;
                default -> {
                    if (g.length() > 9 || (width > 0 && g.length() < width)) {
                        return Optional.empty();
                    }
                    seq = AsciiNumbers.parseInt(g);
                }
            }
        }
        return Optional.of(new ResourceName(node, type, seq));
    }

    /** One more than the highest sequence among {@code existing} names of that node and type (1 when there is none). */
    public int nextSequence(String node, String type, Collection<String> existing) {
        int max = 0;
        for (String n : existing) {
            Optional<ResourceName> r = parse(n);
            if (r.isPresent() && r.get().node().equals(node) && r.get().type().equals(type)) {
                max = Math.max(max, r.get().sequence());
            }
        }
        return max + 1;
    }

    @Override
    public String toString() {
        return pattern;
    }
}
