package dev.ops.sto.zfs.internal;

import dev.ops.core.error.Violations;
import dev.ops.core.text.AsciiNumbers;
import java.util.Locale;
import java.util.Set;

/**
 * What the storage performance properties accept ({@code recordsize}, {@code volblocksize},
 * {@code compression}, {@code atime}, {@code primarycache}, ...), and how sizes compare: ZFS
 * reports {@code 131072} where a caller wrote {@code 128K}.
 */
public final class ZfsPropertyRules {
    private static final Set<String> COMPRESSION = Set.of("on", "off", "lzjb", "gzip", "zle", "lz4", "zstd", "zstd-fast");
    private static final Set<String> CACHE = Set.of("all", "none", "metadata");
    private static final Set<String> ON_OFF = Set.of("on", "off");

    private ZfsPropertyRules() {}

    /** Adds a violation of {@code field} unless {@code property} is a property name (native or user, {@code module:name}). */
    public static void checkName(Violations v, String field, String property) {
        if (property == null || !property.matches("[a-z][a-z0-9_]*|[a-z0-9_.+-]+:[a-z0-9_.:+-]+")) {
            v.add(field, "'" + property + "' is not a ZFS property name");
        }
    }

    /** Adds a violation of {@code field} unless {@code property=value} is acceptable ({@code atCreation}: set by zfs create). */
    public static void check(Violations v, String field, String property, String value, boolean atCreation, boolean volume) {
        if (property == null || !property.matches("[a-z][a-z0-9_]*|[a-z0-9_.+-]+:[a-z0-9_.:+-]+")) {
            v.add(field, "'" + property + "' is not a ZFS property name");
            return;
        }
        if (value == null || value.isEmpty() || value.indexOf('\n') >= 0 || value.indexOf('\0') >= 0) {
            v.add(field, "value must be one non-empty line");
            return;
        }
        switch (property) {
            case "recordsize" -> checkPowerOfTwo(v, field, value, 512, 16L << 20);
            case "volblocksize" -> {
                if (!atCreation) {
                    v.add(field, "volblocksize is fixed when a volume is created: give it to the volume's present()");
                } else if (!volume) {
                    v.add(field, "volblocksize applies to volumes only");
                } else {
                    checkPowerOfTwo(v, field, value, 512, 128L << 10);
                }
            }
            case "compression" -> v.check(COMPRESSION.contains(value) || value.matches("gzip-[1-9]|zstd-(1[0-9]|[1-9])|zstd-fast-[0-9]+"),
                    field, "'" + value + "' is not a compression: one of " + COMPRESSION + ", gzip-N, zstd-N or zstd-fast-N");
            case "atime", "relatime", "readonly" -> v.check(ON_OFF.contains(value), field, "must be on or off, not '" + value + "'");
            case "primarycache", "secondarycache" -> v.check(CACHE.contains(value), field, "must be one of " + CACHE + ", not '" + value + "'");
            default -> { }
        }
    }

    private static void checkPowerOfTwo(Violations v, String field, String value, long min, long max) {
        long bytes = bytes(value);
        v.check(bytes >= min && bytes <= max && Long.bitCount(bytes) == 1, field,
                "'" + value + "' must be a power of two from " + min + " to " + max + " bytes (e.g. 16K, 128K, 1M)");
    }

    /** A size such as {@code 128K}, {@code 1M} or {@code 4096} in bytes; -1 when it is not a size. */
    public static long bytes(String value) {
        String s = value.toUpperCase(Locale.ROOT);
        if (s.endsWith("B") && s.length() > 1) {
            s = s.substring(0, s.length() - 1);
        }
        long mult = 1;
        if (!s.isEmpty()) {
            int i = "KMGT".indexOf(s.charAt(s.length() - 1));
            if (i >= 0) {
                mult = 1L << (10 * (i + 1));
                s = s.substring(0, s.length() - 1);
            }
        }
        if (!AsciiNumbers.isDigits(s) || s.isEmpty() || s.length() > 12) {
            return -1;
        }
        return AsciiNumbers.parseLong(s) * mult;
    }

    /** Whether a value ZFS reports ({@code current}) is what the caller asked for ({@code wanted}), sizes compared in bytes. */
    public static boolean same(String property, String current, String wanted) {
        if (current.equals(wanted)) {
            return true;
        }
        if (property.equals("recordsize") || property.equals("volblocksize") || property.endsWith("quota") || property.endsWith("reservation")) {
            long a = bytes(current);
            return a >= 0 && a == bytes(wanted);
        }
        return false;
    }
}
