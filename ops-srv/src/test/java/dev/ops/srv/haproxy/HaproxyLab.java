package dev.ops.srv.haproxy;

import com.sun.net.httpserver.HttpServer;
import dev.ops.core.testing.RealComponents;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

/**
 * A real HAProxy on loopback in front of JDK HttpServer backends, for tests. Each backend serves
 * {@code "<name> <version>"} on {@code /}, its version read per request from
 * {@code <dir>/<name>.version} ({@code v1} when absent), so that "deploying" is writing that file;
 * a version starting with {@code fail} answers 500 on {@code /} while {@code /health} stays 200.
 */
public final class HaproxyLab implements AutoCloseable {
    public final Path dir;
    public final Map<String, HttpServer> backends = new LinkedHashMap<>();
    public final int frontend;
    public final Path socket;
    public final Path config;
    public final HaproxyRuntime runtime;
    private final Path program;
    private Process haproxy;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private Thread load;
    private volatile boolean loading;
    public final AtomicLong sent = new AtomicLong();
    public final AtomicLong failed = new AtomicLong();
    public final Map<String, AtomicLong> answers = new ConcurrentHashMap<>();

    /** Starts backends named {@code names} and HAProxy with backend {@code web}; {@code serverOptions} maps a server to extra options. */
    public HaproxyLab(Path dir, List<String> names, Map<String, String> serverOptions) throws IOException {
        program = RealComponents.program("haproxy");
        this.dir = dir;
        for (String n : names) {
            backends.put(n, backend(n));
        }
        frontend = freePort();
        socket = dir.resolve("admin.sock");
        config = dir.resolve("haproxy.cfg");
        StringBuilder servers = new StringBuilder();
        backends.forEach((n, s) -> servers.append("    server ").append(n).append(" 127.0.0.1:").append(s.getAddress().getPort())
                .append(" weight 100 check inter 100ms fall 2 rise 1").append(serverOptions.getOrDefault(n, "").isEmpty() ? ""
                        : " " + serverOptions.get(n)).append('\n'));
        Files.writeString(config, """
                global
                    stats socket %s mode 600 level admin
                defaults
                    mode http
                    timeout connect 1s
                    timeout client 5s
                    timeout server 5s
                    retries 2
                    option redispatch
                frontend fe
                    bind 127.0.0.1:%d
                    default_backend web
                backend web
                    balance roundrobin
                    option httpchk GET /health
                %s""".formatted(socket, frontend, servers));
        runtime = HaproxyRuntime.connect(socket).withTimeout(Duration.ofSeconds(2));
        startHaproxy();
    }

    private void startHaproxy() throws IOException {
        haproxy = new ProcessBuilder(program.toString(), "-db", "-f", config.toString()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("haproxy.log").toFile())).start();
        await(() -> Files.exists(socket) && runtime.backend("web").stream()
                .allMatch(s -> s.status().equals("UP") || s.status().equals("MAINT")), Duration.ofSeconds(10));
    }

    /** Stops HAProxy and starts it again from its configuration file: what a reload keeps is what the file says. */
    public void restartHaproxy() throws Exception {
        haproxy.destroy();
        haproxy.waitFor();
        Files.deleteIfExists(socket);
        startHaproxy();
    }

    private HttpServer backend(String name) throws IOException {
        HttpServer s = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        s.createContext("/", ex -> {
            String version = version(name);
            boolean health = ex.getRequestURI().getPath().equals("/health");
            int status = !health && version.startsWith("fail") ? 500 : 200;
            byte[] b = (name + " " + version).getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(status, b.length);
            ex.getResponseBody().write(b);
            ex.close();
        });
        s.setExecutor(java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor());
        s.start();
        return s;
    }

    /** The version backend {@code name} serves now. */
    public String version(String name) {
        try {
            Path f = versionFile(name);
            return Files.exists(f) ? Files.readString(f).strip() : "v1";
        } catch (IOException e) {
            return "unreadable";
        }
    }

    /** The file whose content is the version {@code name} serves. */
    public Path versionFile(String name) {
        return dir.resolve(name + ".version");
    }

    /** The port of a backend. */
    public int port(String name) {
        return backends.get(name).getAddress().getPort();
    }

    /** Sends {@code n} requests through HAProxy, returning the bodies of the 200 answers (failures throw). */
    public List<String> served(int n) throws Exception {
        List<String> bodies = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + frontend + "/"))
                    .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new AssertionError("status " + r.statusCode() + ": " + r.body());
            }
            bodies.add(r.body());
        }
        return bodies;
    }

    /** Starts a loop sending requests through HAProxy, about {@code perSecond} a second, counting failures (anything but 200). */
    public void startLoad(int perSecond) {
        loading = true;
        long gap = 1_000_000_000L / perSecond;
        load = Thread.ofPlatform().daemon().name("load").start(() -> {
            long next = System.nanoTime();
            while (loading) {
                sent.incrementAndGet();
                try {
                    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + frontend + "/"))
                            .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                    if (r.statusCode() != 200) {
                        failed.incrementAndGet();
                    }
                    answers.computeIfAbsent(r.statusCode() + " " + r.body(), k -> new AtomicLong()).incrementAndGet();
                } catch (IOException e) {
                    failed.incrementAndGet();
                } catch (InterruptedException e) {
                    return;
                }
                next += gap;
                long wait = next - System.nanoTime();
                if (wait > 0) {
                    java.util.concurrent.locks.LockSupport.parkNanos(wait);
                }
            }
        });
    }

    /** Stops the load loop and waits for it. */
    public void stopLoad() throws InterruptedException {
        loading = false;
        if (load != null) {
            load.join(5000);
        }
    }

    @Override
    public void close() throws Exception {
        stopLoad();
        haproxy.destroy();
        haproxy.waitFor();
        backends.values().forEach(s -> s.stop(0));
    }

    /** Waits up to {@code timeout} for {@code condition}, which may throw while things start. */
    public static void await(BooleanSupplier condition, Duration timeout) {
        long end = System.nanoTime() + timeout.toNanos();
        while (true) {
            try {
                if (condition.getAsBoolean()) {
                    return;
                }
            } catch (RuntimeException notYet) {
                // haproxy still starting: its socket may not accept yet
            }
            if (System.nanoTime() > end) {
                throw new AssertionError("condition not met within " + timeout);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted");
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
