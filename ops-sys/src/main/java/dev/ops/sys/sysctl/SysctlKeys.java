package dev.ops.sys.sysctl;

import java.util.regex.Pattern;

/** Syntax of sysctl keys and their paths under /proc/sys. */
public final class SysctlKeys {
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9_\\-]+([./][A-Za-z0-9_\\-:]+)*");

    private SysctlKeys() {}

    /** Whether {@code key} is well formed ({@code net.ipv4.ip_forward} or {@code net/ipv4/ip_forward}). */
    public static boolean valid(String key) {
        return key != null && KEY.matcher(key).matches();
    }

    /**
     * The path below /proc/sys: dots become slashes; in a key written with slashes, dots stay
     * (as in {@code net/ipv4/conf/eth0.10/forwarding}), which is how sysctl(8) reads them.
     */
    public static String path(String key) {
        return key.contains("/") ? key : key.replace('.', '/');
    }

    /**
     * The key as written to sysctl(8) and drop-in files: as given (a key written with slashes
     * keeps them, since a dot there may belong to an interface name).
     */
    public static String dotted(String key) {
        return key;
    }

    /** A value with runs of whitespace made one space, as /proc/sys prints multi-field values with tabs. */
    public static String normalize(String value) {
        return value.strip().replaceAll("\\s+", " ");
    }
}
