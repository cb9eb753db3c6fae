package dev.ops.proxmox.internal;

import dev.ops.core.error.Violations;
import dev.ops.core.text.AsciiNumbers;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;

/**
 * A Proxmox base URL as the client builder accepts it: {@code https} (or {@code http} to loopback,
 * when asked for), a host, an optional port (8006 when none), an optional path; no user info, query
 * or fragment. Every problem is a violation on the field {@code baseUrl}; nothing here throws.
 *
 * @param scheme {@code https} or {@code http}
 * @param host the host as written, IPv6 literals without brackets
 * @param port 1 to 65535
 * @param apiBase the API root, {@code scheme://host:port/path/api2/json}
 */
public record BaseUrl(String scheme, String host, int port, String apiBase) {
    /** The default port of pveproxy. */
    public static final int DEFAULT_PORT = 8006;
    private static final String FIELD = "baseUrl";
    private static final Pattern IPV4 = Pattern.compile("(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])(\\.(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])){3}");

    /** Whether the connection is plain HTTP. */
    public boolean plainHttp() {
        return scheme.equals("http");
    }

    /** The name a client gets by default, {@code host:port}. */
    public String defaultName() {
        return host + ":" + port;
    }

    /**
     * Whether {@code host} is a loopback host without asking a resolver: {@code localhost}, an IPv4
     * literal in 127.0.0.0/8 or the IPv6 literal {@code ::1} (also written as IPv4-mapped 127.x).
     */
    public static boolean isLoopback(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        if (h.equals("localhost") || h.equals("localhost.")) {
            return true;
        }
        if (IPV4.matcher(h).matches()) {
            return h.startsWith("127.");
        }
        if (h.contains(":") && h.chars().allMatch(c -> c == ':' || c == '.' || AsciiNumbers.isHexDigit((char) c))) {
            try {
                // A literal (it holds a colon): InetAddress parses it without a lookup.
                InetAddress a = InetAddress.getByName("[" + h + "]");
                return a.isLoopbackAddress() && (a instanceof Inet6Address || h.startsWith("::ffff:127."));
            } catch (UnknownHostException e) {
                return false;
            }
        }
        return false;
    }

    /** Reads {@code text}; empty, with violations on {@code baseUrl} added to {@code v}, when it is not a usable base URL. */
    public static Optional<BaseUrl> parse(String text, Violations v) {
        if (text == null || text.isBlank()) {
            v.add(FIELD, "must be given, e.g. https://pve:8006");
            return Optional.empty();
        }
        String raw = text.trim();
        String shown = shown(raw);
        if (!raw.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            v.add(FIELD, "'" + shown + "' must be plain ASCII without spaces or control characters (write an international host name"
                    + " in its xn-- form)");
            return Optional.empty();
        }
        if (!raw.contains("://")) {
            raw = "https://" + raw;
        }
        URI u;
        try {
            u = new URI(raw);
        } catch (URISyntaxException e) {
            v.add(FIELD, "'" + shown + "' is not a URL: " + e.getReason());
            return Optional.empty();
        }
        String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
        int problems = v.list().size();
        if (!scheme.equals("https") && !scheme.equals("http")) {
            v.add(FIELD, "'" + shown + "' must use https");
        }
        if (u.getRawUserInfo() != null) {
            v.add(FIELD, "'" + shown + "' must not carry user info: give credentials with apiToken(...) or login(...)");
        }
        if (u.getRawQuery() != null || u.getRawFragment() != null) {
            v.add(FIELD, "'" + shown + "' must not carry a query or fragment");
        }
        String host = u.getHost();
        int port = u.getPort();
        if (host == null && u.getRawAuthority() != null) {
            // java.net.URI fell back to a registry authority: find out why, to say so.
            String authority = u.getRawAuthority();
            int at = authority.lastIndexOf('@');
            String hostPort = authority.substring(at + 1);
            int colon = hostPort.lastIndexOf(':');
            if (colon >= 0 && colon > hostPort.lastIndexOf(']')) {
                String p = hostPort.substring(colon + 1);
                if (!p.isEmpty() && !AsciiNumbers.isDigits(p)) {
                    v.add(FIELD, "'" + shown + "' has port '" + p + "', which is not a number of ASCII digits");
                    return Optional.empty();
                }
                if (p.length() > 5) {
                    v.add(FIELD, "'" + shown + "' has port " + p + ", out of 1 to 65535");
                    return Optional.empty();
                }
            }
        }
        if (host == null || host.isBlank()) {
            v.add(FIELD, "'" + shown + "' names no host (or not a valid one: letters, digits, '-' and '.', or an IP address)");
            return Optional.empty();
        }
        if (port == -1) {
            port = DEFAULT_PORT;
        } else if (port < 1 || port > 65535) {
            v.add(FIELD, "'" + shown + "' has port " + port + ", out of 1 to 65535");
        }
        if (v.list().size() > problems) {
            return Optional.empty();
        }
        String path = u.getRawPath() == null ? "" : u.getRawPath().replaceAll("/+$", "");
        if (path.endsWith("/api2/json")) {
            path = path.substring(0, path.length() - "/api2/json".length());
        }
        String apiBase = scheme + "://" + host + ":" + port + path + "/api2/json";
        // The transport parses it with OkHttp: anything OkHttp refuses is refused here, not there.
        if (HttpUrl.parse(apiBase) == null) {
            v.add(FIELD, "'" + shown + "' is not a URL the HTTP client accepts");
            return Optional.empty();
        }
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        return Optional.of(new BaseUrl(scheme, bare, port, apiBase));
    }

    /** The URL as it may be shown: user info (a password, perhaps) masked. */
    private static String shown(String raw) {
        return raw.replaceAll("(://)[^/?#@]*@", "$1***@");
    }
}
