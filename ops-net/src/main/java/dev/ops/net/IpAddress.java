package dev.ops.net;

import dev.ops.core.error.Violations;
import dev.ops.core.text.AsciiNumbers;
import java.math.BigInteger;
import java.util.Optional;

/**
 * An IPv4 or IPv6 address as a number of its family's width. Parsing never resolves names: only
 * literals are accepted, so nothing is ever sent anywhere to build one.
 */
public record IpAddress(IpFamily family, BigInteger value) implements Comparable<IpAddress> {

    public IpAddress {
        Violations v = Violations.of("IP address");
        v.check(family != null, "family", "must be given");
        v.check(value != null, "value", "must be given");
        if (family != null && value != null) {
            v.check(value.signum() >= 0 && value.bitLength() <= family.bits(), "value",
                    value + " is outside the " + family + " address space");
        }
        v.throwIfAny();
    }

    /** Parses an IPv4 dotted quad or an IPv6 literal; throws a {@code ValidationException} otherwise. */
    public static IpAddress parse(String text) {
        return tryParse(text).orElseThrow(() -> {
            Violations v = Violations.of("IP address");
            v.add("address", "'" + text + "' is not an IPv4 or IPv6 address");
            return new dev.ops.core.error.ValidationException("IP address", v.list());
        });
    }

    /** Parses an address, or empty when {@code text} is not one. */
    public static Optional<IpAddress> tryParse(String text) {
        if (text == null || text.isEmpty()) {
            return Optional.empty();
        }
        if (text.indexOf(':') >= 0) {
            return parseV6(text);
        }
        return parseV4(text).map(v -> new IpAddress(IpFamily.IPV4, BigInteger.valueOf(v)));
    }

    private static Optional<Long> parseV4(String text) {
        String[] parts = text.split("\\.", -1);
        if (parts.length != 4) {
            return Optional.empty();
        }
        long value = 0;
        for (String p : parts) {
            if (p.length() > 3 || !AsciiNumbers.isDigits(p)) {
                return Optional.empty();
            }
            int octet = AsciiNumbers.parseInt(p);
            if (octet > 255 || (p.length() > 1 && p.charAt(0) == '0')) {
                return Optional.empty();
            }
            value = (value << 8) | octet;
        }
        return Optional.of(value);
    }

    private static Optional<IpAddress> parseV6(String text) {
        String s = text;
        long v4Tail = -1;
        int lastColon = s.lastIndexOf(':');
        if (s.indexOf('.', lastColon) >= 0) {
            Optional<Long> tail = parseV4(s.substring(lastColon + 1));
            if (tail.isEmpty()) {
                return Optional.empty();
            }
            v4Tail = tail.get();
            s = s.substring(0, lastColon + 1) + "0:0";
        }
        int dbl = s.indexOf("::");
        if (dbl >= 0 && s.indexOf("::", dbl + 1) >= 0) {
            return Optional.empty();
        }
        String[] head;
        String[] tail;
        if (dbl >= 0) {
            String h = s.substring(0, dbl);
            String t = s.substring(dbl + 2);
            head = h.isEmpty() ? new String[0] : h.split(":", -1);
            tail = t.isEmpty() ? new String[0] : t.split(":", -1);
            if (head.length + tail.length > 7) {
                return Optional.empty();
            }
        } else {
            head = s.split(":", -1);
            tail = new String[0];
            if (head.length != 8) {
                return Optional.empty();
            }
        }
        int[] groups = new int[8];
        for (int i = 0; i < head.length; i++) {
            Integer g = group(head[i]);
            if (g == null) {
                return Optional.empty();
            }
            groups[i] = g;
        }
        for (int i = 0; i < tail.length; i++) {
            Integer g = group(tail[i]);
            if (g == null) {
                return Optional.empty();
            }
            groups[8 - tail.length + i] = g;
        }
        BigInteger value = BigInteger.ZERO;
        for (int g : groups) {
            value = value.shiftLeft(16).or(BigInteger.valueOf(g));
        }
        if (v4Tail >= 0) {
            value = value.shiftRight(32).shiftLeft(32).or(BigInteger.valueOf(v4Tail));
        }
        return Optional.of(new IpAddress(IpFamily.IPV6, value));
    }

    private static Integer group(String g) {
        if (g.isEmpty() || g.length() > 4) {
            return null;
        }
        for (int i = 0; i < g.length(); i++) {
            if (!AsciiNumbers.isHexDigit(g.charAt(i))) {
                return null;
            }
        }
        return AsciiNumbers.parseInt(g, 16);
    }

    /** The address {@code delta} further on (negative for back); throws when it leaves the family's space. */
    public IpAddress plus(long delta) {
        return new IpAddress(family, value.add(BigInteger.valueOf(delta)));
    }

    /** Whether this is an IPv4 address. */
    public boolean isV4() {
        return family == IpFamily.IPV4;
    }

    /** Whether this is a loopback address (127.0.0.0/8 or ::1). */
    public boolean isLoopback() {
        return isV4() ? value.shiftRight(24).intValue() == 127 : value.equals(BigInteger.ONE);
    }

    @Override
    public int compareTo(IpAddress o) {
        int c = family.compareTo(o.family);
        return c != 0 ? c : value.compareTo(o.value);
    }

    /** Dotted quad for IPv4, RFC 5952 canonical text for IPv6. */
    @Override
    public String toString() {
        if (isV4()) {
            long v = value.longValue();
            return ((v >> 24) & 255) + "." + ((v >> 16) & 255) + "." + ((v >> 8) & 255) + "." + (v & 255);
        }
        int[] g = new int[8];
        BigInteger v = value;
        for (int i = 7; i >= 0; i--) {
            g[i] = v.intValue() & 0xffff;
            v = v.shiftRight(16);
        }
        int bestStart = -1;
        int bestLen = 1;
        for (int i = 0; i < 8; ) {
            if (g[i] != 0) {
                i++;
                continue;
            }
            int j = i;
            while (j < 8 && g[j] == 0) {
                j++;
            }
            if (j - i > bestLen) {
                bestStart = i;
                bestLen = j - i;
            }
            i = j;
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                sb.append("::");
                i += bestLen - 1;
                continue;
            }
            if (sb.length() > 0 && sb.charAt(sb.length() - 1) != ':') {
                sb.append(':');
            }
            sb.append(Integer.toHexString(g[i]));
        }
        return sb.toString();
    }
}
