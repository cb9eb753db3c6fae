package dev.ops.srv.haproxy;

import dev.ops.core.Ops;
import dev.ops.core.change.Change;
import dev.ops.core.change.Changes;
import dev.ops.core.error.ConnectionException;
import dev.ops.core.error.OpsTimeoutException;
import dev.ops.core.error.Violations;
import dev.ops.srv.haproxy.internal.HaproxyServerChange;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * A client of HAProxy's runtime API on a local UNIX socket ({@code stats socket ... level admin}):
 * one connection per command, as HAProxy's non-interactive mode expects. Immutable and shared.
 *
 * <pre>{@code
 * HaproxyRuntime haproxy = HaproxyRuntime.connect(Path.of("/run/haproxy/admin.sock"));
 * List<ServerStat> stats = haproxy.stats();
 * haproxy.servers(ops).server("web", "web-2").drain().apply();
 * }</pre>
 */
public final class HaproxyRuntime {
    private final Path socket;
    private final Duration timeout;

    private HaproxyRuntime(Path socket, Duration timeout) {
        this.socket = socket;
        this.timeout = timeout;
    }

    /** The runtime API on {@code socket}, with a 5 s timeout per command. */
    public static HaproxyRuntime connect(Path socket) {
        return new HaproxyRuntime(Objects.requireNonNull(socket, "socket"), Duration.ofSeconds(5));
    }

    /** This client, giving up on a command after {@code timeout}. */
    public HaproxyRuntime withTimeout(Duration timeout) {
        Violations.of("haproxy runtime").check(timeout.toMillis() >= 1, "timeout", "must be at least 1 ms").throwIfAny();
        return new HaproxyRuntime(socket, timeout);
    }

    /** The name under which plans and the journal show this endpoint. */
    public String name() {
        return "haproxy:" + socket;
    }

    /** The socket's path. */
    public Path socket() {
        return socket;
    }

    /**
     * The raw runtime API, the one way out: sends {@code command} and returns HAProxy's answer as it
     * is. Nothing here is checked, journaled or undone.
     */
    public String rawCommand(String command) {
        Violations.of("haproxy command").check(!command.isBlank() && command.indexOf('\n') < 0 && command.indexOf(';') < 0, "command",
                "must be one command on one line").throwIfAny();
        FutureTask<String> task = new FutureTask<>(() -> exchange(command));
        Thread t = Thread.ofVirtual().name("ops-haproxy").start(task);
        try {
            return task.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            t.interrupt();
            throw new OpsTimeoutException("haproxy at " + socket + " answering '" + command + "'", timeout, "no answer");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConnectionException(name(), "interrupted while waiting for haproxy", e);
        } catch (ExecutionException e) {
            throw new ConnectionException(name(), "cannot talk to haproxy at " + socket + ": " + e.getCause().getMessage(), e.getCause(), true);
        }
    }

    private String exchange(String command) throws IOException {
        try (SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            ch.connect(UnixDomainSocketAddress.of(socket));
            ch.write(ByteBuffer.wrap((command + "\n").getBytes(StandardCharsets.UTF_8)));
            ch.shutdownOutput();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteBuffer buf = ByteBuffer.allocate(8192);
            while (ch.read(buf) >= 0) {
                buf.flip();
                out.write(buf.array(), 0, buf.limit());
                buf.clear();
            }
            return out.toString(StandardCharsets.UTF_8);
        }
    }

    /** Sends a command whose success HAProxy answers with nothing; any text is a {@link HaproxyCommandException}. */
    public void command(String command) {
        String answer = rawCommand(command);
        if (!answer.isBlank()) {
            throw new HaproxyCommandException(socket.toString(), command, answer);
        }
    }

    /** Every server of every backend, from {@code show stat}. */
    public List<ServerStat> stats() {
        String csv = rawCommand("show stat");
        String[] lines = csv.split("\n");
        if (lines.length == 0 || !lines[0].startsWith("# ")) {
            throw new HaproxyCommandException(socket.toString(), "show stat", csv);
        }
        String[] header = lines[0].substring(2).split(",", -1);
        List<ServerStat> out = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            String[] cells = lines[i].split(",", -1);
            Map<String, String> row = new LinkedHashMap<>();
            for (int c = 0; c < header.length && c < cells.length; c++) {
                row.put(header[c], cells[c]);
            }
            String sv = row.getOrDefault("svname", "");
            if (!sv.equals("FRONTEND") && !sv.equals("BACKEND")) {
                out.add(ServerStat.of(row));
            }
        }
        return out;
    }

    /** The servers of {@code backend}. */
    public List<ServerStat> backend(String backend) {
        return stats().stream().filter(s -> s.backend().equals(backend)).toList();
    }

    /** One server's stats; empty when the backend has no such server. */
    public Optional<ServerStat> server(String backend, String server) {
        return stats().stream().filter(s -> s.backend().equals(backend) && s.server().equals(server)).findFirst();
    }

    /** Servers' states and weights as changes made through {@code ops}. */
    public Servers servers(Ops ops) {
        return new Servers(Objects.requireNonNull(ops, "ops"), null);
    }

    /** Server changes through one {@link Ops}. */
    public final class Servers {
        private final Ops ops;
        /** Where weights and maintenance are also written, or null. */
        private final HaproxyConfig config;

        private Servers(Ops ops, HaproxyConfig config) {
            this.ops = ops;
            this.config = config;
        }

        /**
         * These changes, each also written into {@code config} (checked with {@code haproxy -c}) before
         * the runtime command is sent, so that a reload keeps them; one change, rolled back together.
         * A drain has no place in the file and is sent only at runtime.
         */
        public Servers persistedIn(HaproxyConfig config) {
            return new Servers(ops, Objects.requireNonNull(config, "config"));
        }

        /** One server of one backend. */
        public Server server(String backend, String server) {
            Violations v = Violations.of("haproxy server");
            v.check(backend.matches("[A-Za-z0-9_.:-]+"), "backend", "'" + backend + "' is not a proxy name");
            v.check(server.matches("[A-Za-z0-9_.:-]+"), "server", "'" + server + "' is not a server name");
            v.throwIfAny();
            return new Server(backend, server);
        }

        /** A server's changes; each yields the server's stats after apply and is undone by putting back what it had. */
        public final class Server {
            private final String backend;
            private final String server;

            private Server(String backend, String server) {
                this.backend = backend;
                this.server = server;
            }

            /** Stop sending it new traffic, keep current sessions; refused for the backend's last server taking traffic. */
            public Change<ServerStat> drain() {
                return HaproxyServerChange.state(HaproxyRuntime.this, ops, backend, server, "drain");
            }

            /** Put it in maintenance (no traffic, no checks); refused for the backend's last server taking traffic. */
            public Change<ServerStat> maint() {
                return persisted(c -> c.maint(), HaproxyServerChange.state(HaproxyRuntime.this, ops, backend, server, "maint"));
            }

            /** Back to normal traffic. */
            public Change<ServerStat> ready() {
                return persisted(c -> c.ready(), HaproxyServerChange.state(HaproxyRuntime.this, ops, backend, server, "ready"));
            }

            /** Set its weight, 0 to 256; runtime changes vanish on reload, so write the config too ({@link #persistedIn}). */
            public Change<ServerStat> weight(int weight) {
                return persisted(c -> c.weight(weight), HaproxyServerChange.weight(HaproxyRuntime.this, ops, backend, server, weight));
            }

            private Change<ServerStat> persisted(Function<HaproxyConfig.Server, Change<String>> file, Change<ServerStat> runtime) {
                return config == null ? runtime : Changes.then(file.apply(config.server(backend, server)), path -> runtime);
            }
        }
    }
}
