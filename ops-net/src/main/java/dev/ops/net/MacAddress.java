package dev.ops.net;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.ops.core.error.ValidationException;
import dev.ops.core.error.Violations;
import dev.ops.core.text.AsciiNumbers;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;

/** A 48-bit Ethernet MAC address, written {@code 02:00:00:ab:cd:ef}. */
public record MacAddress(long value) {
    private static final Pattern TEXT = Pattern.compile("[0-9a-fA-F]{2}([:-])[0-9a-fA-F]{2}(\\1[0-9a-fA-F]{2}){4}");

    public MacAddress {
        Violations.of("MAC address").check(value >= 0 && value <= 0xFFFF_FFFF_FFFFL, "value",
                Long.toHexString(value) + " is outside the 48-bit range").throwIfAny();
    }

    /** Parses {@code aa:bb:cc:dd:ee:ff} (or with dashes); throws a {@link ValidationException} otherwise. */
    @JsonCreator
    public static MacAddress parse(String text) {
        if (text == null || !TEXT.matcher(text).matches()) {
            throw new ValidationException("MAC address",
                    Violations.of("MAC address").add("mac", "'" + text + "' is not six hex octets separated by ':' or '-'").list());
        }
        return new MacAddress(AsciiNumbers.parseLong(text.replaceAll("[:-]", ""), 16));
    }

    /** Whether {@code text} parses as a MAC address. */
    public static boolean isValid(String text) {
        return text != null && TEXT.matcher(text).matches();
    }

    /** A MAC from six bytes. */
    public static MacAddress of(byte[] bytes) {
        Violations.of("MAC address").check(bytes != null && bytes.length == 6, "bytes",
                "a MAC has 6 bytes, not " + (bytes == null ? "none" : bytes.length)).throwIfAny();
        return new MacAddress(AsciiNumbers.parseLong(HexFormat.of().formatHex(bytes), 16));
    }

    /** The first octet. */
    private int firstOctet() {
        return (int) (value >>> 40) & 0xff;
    }

    /** Whether the locally-administered bit is set. */
    public boolean isLocallyAdministered() {
        return (firstOctet() & 0x02) != 0;
    }

    /** Whether the multicast bit is set (also true for broadcast). */
    public boolean isMulticast() {
        return (firstOctet() & 0x01) != 0;
    }

    @JsonValue
    @Override
    public String toString() {
        String hex = String.format(Locale.ROOT, "%012x", value);
        StringBuilder sb = new StringBuilder(17);
        for (int i = 0; i < 12; i += 2) {
            if (i > 0) {
                sb.append(':');
            }
            sb.append(hex, i, i + 2);
        }
        return sb.toString();
    }
}
