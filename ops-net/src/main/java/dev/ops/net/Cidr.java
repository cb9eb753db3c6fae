package dev.ops.net;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.ops.core.error.ValidationException;
import dev.ops.core.error.Violations;
import dev.ops.core.text.AsciiNumbers;
import java.math.BigInteger;
import java.util.Optional;

/**
 * An address with a prefix length, e.g. {@code 192.168.2.10/24} (an interface address, host bits
 * kept) or {@code 192.168.2.0/24} (a network).
 */
public record Cidr(IpAddress address, int prefix) {

    public Cidr {
        Violations v = Violations.of("CIDR");
        v.check(address != null, "address", "must be given");
        if (address != null) {
            v.check(prefix >= 0 && prefix <= address.family().bits(), "prefix",
                    prefix + " is outside 0-" + address.family().bits() + " for " + address.family());
        }
        v.throwIfAny();
    }

    /** Parses {@code ADDRESS/PREFIX}; throws a {@link ValidationException} naming what is wrong. */
    @JsonCreator
    public static Cidr parse(String text) {
        Optional<Cidr> c = tryParse(text);
        if (c.isEmpty()) {
            throw new ValidationException("CIDR", Violations.of("CIDR").add("cidr", problem(text)).list());
        }
        return c.get();
    }

    /** Parses {@code ADDRESS/PREFIX}, or empty when it is not one. */
    public static Optional<Cidr> tryParse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        int slash = text.indexOf('/');
        if (slash < 0 || slash != text.lastIndexOf('/')) {
            return Optional.empty();
        }
        Optional<IpAddress> a = IpAddress.tryParse(text.substring(0, slash));
        String p = text.substring(slash + 1);
        if (a.isEmpty() || p.length() > 3 || !AsciiNumbers.isDigits(p)) {
            return Optional.empty();
        }
        int prefix = AsciiNumbers.parseInt(p);
        if (prefix > a.get().family().bits()) {
            return Optional.empty();
        }
        return Optional.of(new Cidr(a.get(), prefix));
    }

    /** Why {@code text} is not a CIDR, for error messages. */
    public static String problem(String text) {
        if (text == null || text.isBlank()) {
            return "must not be blank";
        }
        int slash = text.indexOf('/');
        if (slash < 0) {
            return "'" + text + "' has no /prefix";
        }
        Optional<IpAddress> a = IpAddress.tryParse(text.substring(0, slash));
        if (a.isEmpty()) {
            return "'" + text + "' does not start with an IPv4 or IPv6 address";
        }
        return "'" + text + "' needs a prefix length from 0 to " + a.get().family().bits();
    }

    /** An address with a prefix length; a {@link ValidationException} naming {@code prefix} when it is outside the family's range. */
    public static Cidr of(IpAddress address, int prefix) {
        return new Cidr(address, prefix);
    }

    /** The family of the address. */
    public IpFamily family() {
        return address.family();
    }

    private BigInteger hostMask() {
        return BigInteger.ONE.shiftLeft(family().bits() - prefix).subtract(BigInteger.ONE);
    }

    /** The first address of the network (host bits zero). */
    public IpAddress first() {
        return new IpAddress(family(), address.value().andNot(hostMask()));
    }

    /** The last address of the network (host bits one). */
    public IpAddress last() {
        return new IpAddress(family(), address.value().or(hostMask()));
    }

    /** This network with its host bits cleared, e.g. {@code 192.168.2.0/24} for {@code 192.168.2.10/24}. */
    public Cidr network() {
        return new Cidr(first(), prefix);
    }

    /** Whether the host bits are zero. */
    public boolean isNetwork() {
        return address.equals(first());
    }

    /** How many addresses the network spans. */
    public BigInteger size() {
        return BigInteger.ONE.shiftLeft(family().bits() - prefix);
    }

    /** Whether {@code ip} lies in this network. */
    public boolean contains(IpAddress ip) {
        return ip.family() == family() && ip.compareTo(first()) >= 0 && ip.compareTo(last()) <= 0;
    }

    /** Whether the two networks share an address. */
    public boolean overlaps(Cidr other) {
        return other.family() == family() && other.first().compareTo(last()) <= 0 && first().compareTo(other.last()) <= 0;
    }

    @JsonValue
    @Override
    public String toString() {
        return address + "/" + prefix;
    }
}
