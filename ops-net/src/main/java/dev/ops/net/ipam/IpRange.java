package dev.ops.net.ipam;

import dev.ops.core.error.ValidationException;
import dev.ops.core.error.Violations;
import dev.ops.net.IpAddress;
import java.math.BigInteger;
import java.util.Objects;
import java.util.Optional;

/**
 * An inclusive range of addresses of one family, written {@code 192.168.2.100-192.168.2.199}.
 *
 * @param first the first address
 * @param last the last address, not before {@code first}
 */
public record IpRange(IpAddress first, IpAddress last) {

    public IpRange {
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(last, "last");
        Violations v = Violations.of("IP range");
        v.check(first.family() == last.family(), "range", first + " and " + last + " are of different families");
        v.check(first.family() != last.family() || first.compareTo(last) <= 0, "range", first + " comes after " + last);
        v.throwIfAny();
    }

    /** Parses {@code FIRST-LAST}; a {@link ValidationException} naming what is wrong otherwise. */
    public static IpRange parse(String text) {
        Optional<String> problem = problem(text);
        if (problem.isPresent()) {
            throw new ValidationException("IP range", Violations.of("IP range").add("range", problem.get()).list());
        }
        int dash = text.indexOf('-');
        return new IpRange(IpAddress.parse(text.substring(0, dash).strip()), IpAddress.parse(text.substring(dash + 1).strip()));
    }

    /** Why {@code text} is not a range, or empty when it is one. */
    public static Optional<String> problem(String text) {
        if (text == null || text.isBlank()) {
            return Optional.of("must not be blank");
        }
        int dash = text.indexOf('-');
        if (dash < 0 || dash != text.lastIndexOf('-')) {
            return Optional.of("'" + text + "' is not FIRST-LAST");
        }
        Optional<IpAddress> a = IpAddress.tryParse(text.substring(0, dash).strip());
        Optional<IpAddress> b = IpAddress.tryParse(text.substring(dash + 1).strip());
        if (a.isEmpty() || b.isEmpty()) {
            return Optional.of("'" + text + "' does not have an IP address on both sides of '-'");
        }
        if (a.get().family() != b.get().family()) {
            return Optional.of("'" + text + "' mixes IPv4 and IPv6");
        }
        if (a.get().compareTo(b.get()) > 0) {
            return Optional.of("'" + text + "' ends before it starts");
        }
        return Optional.empty();
    }

    /** Whether {@code ip} is in the range. */
    public boolean contains(IpAddress ip) {
        return ip.family() == first.family() && ip.compareTo(first) >= 0 && ip.compareTo(last) <= 0;
    }

    /** Whether the ranges share an address. */
    public boolean overlaps(IpRange other) {
        return other.first.family() == first.family() && other.first.compareTo(last) <= 0 && first.compareTo(other.last) <= 0;
    }

    /** How many addresses the range holds. */
    public BigInteger size() {
        return last.value().subtract(first.value()).add(BigInteger.ONE);
    }

    @Override
    public String toString() {
        return first + "-" + last;
    }
}
