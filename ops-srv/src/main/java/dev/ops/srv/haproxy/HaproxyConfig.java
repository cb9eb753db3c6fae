package dev.ops.srv.haproxy;

import dev.ops.core.Ops;
import dev.ops.core.change.Change;
import dev.ops.core.error.Violations;
import dev.ops.core.host.Host;
import dev.ops.srv.haproxy.internal.HaproxyConfigChange;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * HAProxy's configuration file on a host, where runtime changes are written too so that they
 * survive a reload: a server's {@code weight} and its {@code disabled} keyword (maintenance). Each
 * write is checked with {@code haproxy -c} before it replaces the file atomically, and rolls back to
 * the exact earlier bytes. Immutable.
 *
 * <pre>{@code
 * HaproxyConfig config = HaproxyConfig.on(host, ops).asRoot();        // /etc/haproxy/haproxy.cfg
 * config.server("web", "web-2").weight(50).apply();
 * runtime.servers(ops).persistedIn(config).server("web", "web-2").maint().apply();   // both at once
 * }</pre>
 */
public final class HaproxyConfig {
    private final Host host;
    private final Ops ops;
    private final String path;
    private final boolean sudo;

    private HaproxyConfig(Host host, Ops ops, String path, boolean sudo) {
        this.host = host;
        this.ops = ops;
        this.path = path;
        this.sudo = sudo;
    }

    /** {@code /etc/haproxy/haproxy.cfg} on {@code host}, changed through {@code ops}. */
    public static HaproxyConfig on(Host host, Ops ops) {
        return new HaproxyConfig(Objects.requireNonNull(host, "host"), Objects.requireNonNull(ops, "ops"), "/etc/haproxy/haproxy.cfg", false);
    }

    /** This configuration at another absolute path. */
    public HaproxyConfig path(String path) {
        Violations.of("haproxy config").check(path.startsWith("/") && !path.contains(".."), "path", "'" + path + "' must be an absolute path")
                .throwIfAny();
        return new HaproxyConfig(host, ops, path, sudo);
    }

    /** This configuration, read and written as root (sudo where not root). */
    public HaproxyConfig asRoot() {
        return new HaproxyConfig(host, ops, path, true);
    }

    /** The file's path. */
    public String path() {
        return path;
    }

    /**
     * The servers of {@code backend} in {@code ready} without {@code disabled}, those in {@code maint}
     * with it, in one write (what a blue-green switch leaves).
     */
    public Change<String> states(String backend, List<String> ready, List<String> maint) {
        List<HaproxyConfigChange.Edit> edits = new ArrayList<>();
        ready.forEach(s -> edits.add(new HaproxyConfigChange.Edit(s, -1, false)));
        maint.forEach(s -> edits.add(new HaproxyConfigChange.Edit(s, -1, true)));
        return new HaproxyConfigChange(host, ops, path, sudo, backend, edits);
    }

    /** One server line of {@code backend} (a {@code backend} or {@code listen} section). */
    public Server server(String backend, String server) {
        return new Server(backend, server);
    }

    /** A server line's changes, each yielding the file's path. */
    public final class Server {
        private final String backend;
        private final String server;

        private Server(String backend, String server) {
            this.backend = backend;
            this.server = server;
        }

        private Change<String> one(HaproxyConfigChange.Edit edit) {
            return new HaproxyConfigChange(host, ops, path, sudo, backend, List.of(edit));
        }

        /** {@code weight N} on the line. */
        public Change<String> weight(int weight) {
            return one(new HaproxyConfigChange.Edit(server, weight, null));
        }

        /** {@code disabled} on the line: the server starts in maintenance. */
        public Change<String> maint() {
            return one(new HaproxyConfigChange.Edit(server, -1, true));
        }

        /** No {@code disabled} on the line. */
        public Change<String> ready() {
            return one(new HaproxyConfigChange.Edit(server, -1, false));
        }
    }
}
