package dev.ops.srv.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.ops.core.Ops;
import dev.ops.core.host.Command;
import dev.ops.core.host.LocalHost;
import dev.ops.core.testing.RealComponents;
import dev.ops.srv.haproxy.HaproxyLab;
import dev.ops.srv.health.HealthCheck;
import dev.ops.srv.health.HealthMonitor;
import dev.ops.srv.health.HealthStatus;
import dev.ops.srv.health.Probe;
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
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A new instance that becomes healthy joins a real HAProxy (master-worker, reloaded with SIGUSR2)
 * and a real dnsmasq (re-reading its hosts file on SIGHUP), both on loopback, without a hand edit.
 */
@Timeout(60)
class DiscoveryRealTest {
    private final Ops ops = Ops.inMemory();
    private final LocalHost local = LocalHost.create();
    private final ServiceRegistry registry = ServiceRegistry.on(ops);
    private final List<HttpServer> servers = new ArrayList<>();
    private final List<Process> processes = new ArrayList<>();
    @TempDir
    Path dir;

    @org.junit.jupiter.api.BeforeEach
    void concurrentWritersAreNotPlanWrites() {
        // The health monitor writes the registry on its own thread while the sync plans: the testkit's plan
        // purity check compares the store before and after a plan and cannot tell those writes from the plan's.
        System.setProperty("ops.testkit.planPurity", "false");
    }

    @AfterEach
    void stop() throws Exception {
        System.clearProperty("ops.testkit.planPurity");
        for (Process p : processes) {
            p.destroy();
            p.waitFor();
        }
        servers.forEach(s -> s.stop(0));
    }

    private HttpServer backend(String name, String address) throws IOException {
        HttpServer s = HttpServer.create(new InetSocketAddress(InetAddress.getByName(address), 0), 0);
        s.createContext("/", ex -> {
            byte[] b = name.getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(200, b.length);
            ex.getResponseBody().write(b);
            ex.close();
        });
        s.start();
        servers.add(s);
        return s;
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private HealthMonitor monitor(String check, HttpServer s) {
        return HealthMonitor.builder().check(HealthCheck.builder().name(check)
                .probe(Probe.http(URI.create("http://" + s.getAddress().getHostString() + ":" + s.getAddress().getPort() + "/")))
                .period(Duration.ofMillis(100)).timeout(Duration.ofMillis(100)).build()).listener(registry.healthListener()).build();
    }

    @Test
    void aNewHealthyInstanceJoinsHaproxyWithoutAHandEdit() throws Exception {
        Path program = RealComponents.program("haproxy");
        HttpServer api1 = backend("api-1", "127.0.0.1");
        HttpServer api2 = backend("api-2", "127.0.0.1");
        int frontend = freePort();
        Path cfg = dir.resolve("haproxy.cfg");
        Files.writeString(cfg, """
                global
                    stats socket %s mode 600 level admin
                defaults
                    mode http
                    timeout connect 1s
                    timeout client 5s
                    timeout server 5s
                frontend fe
                    bind 127.0.0.1:%d
                    default_backend api
                backend api
                    balance roundrobin
                    server api-1 127.0.0.1:%d check
                """.formatted(dir.resolve("admin.sock"), frontend, api1.getAddress().getPort()));
        Process haproxy = new ProcessBuilder(program.toString(), "-W", "-db", "-f", cfg.toString()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("haproxy.log").toFile()).start();
        processes.add(haproxy);
        registry.register(i -> i.service("api").id("api-1").address("127.0.0.1").port(api1.getAddress().getPort())
                .health(HealthStatus.HEALTHY)).apply();
        registry.register(i -> i.service("api").id("api-2").address("127.0.0.1").port(api2.getAddress().getPort())).apply();
        HaproxyLab.await(() -> served(frontend, 2).equals(Set.of("api-1")), Duration.ofSeconds(10));

        try (DiscoverySync sync = DiscoverySync.builder(registry).interval(Duration.ofMillis(50))
                .render(() -> registry.haproxyBackend(local, b -> b.path(cfg.toString()).service("api")
                        .reload(Command.of("kill", "-USR2", Long.toString(haproxy.pid())))))
                .build().start();
                HealthMonitor m = monitor("api/api-2", api2).start()) {
            HaproxyLab.await(() -> served(frontend, 4).equals(Set.of("api-1", "api-2")), Duration.ofSeconds(15));
            assertThat(sync.applied()).isNotEmpty();
        }
        assertThat(Files.readString(cfg)).contains("    server api-1 127.0.0.1:" + api1.getAddress().getPort() + " check\n"
                + "    server api-2 127.0.0.1:" + api2.getAddress().getPort() + " check\n");
    }

    @Test
    void dnsmasqAnswersForAServiceThatJustBecameHealthy() throws Exception {
        Path program = RealComponents.program("dnsmasq");
        HttpServer api2 = backend("api-2", "127.0.0.2");
        Path hosts = dir.resolve("services.hosts");
        registry.register(i -> i.service("api").id("api-1").address("127.0.0.1").port(80).health(HealthStatus.HEALTHY)).apply();
        registry.hostsFile(local, h -> h.path(hosts.toString()).domain("svc.test")).apply();
        int port = freePort();
        List<String> argv = new ArrayList<>(List.of(program.toString(), "--no-daemon", "--port", Integer.toString(port), "--listen-address",
                "127.0.0.1", "--bind-interfaces", "--no-resolv", "--no-hosts", "--addn-hosts", hosts.toString(), "--pid-file=" + dir.resolve("pid")));
        if ("root".equals(System.getProperty("user.name"))) {
            argv.add("--user=root");
        }
        Process dnsmasq = new ProcessBuilder(argv).redirectErrorStream(true).redirectOutput(dir.resolve("dnsmasq.log").toFile()).start();
        processes.add(dnsmasq);
        HaproxyLab.await(() -> query(port).equals(List.of("127.0.0.1")), Duration.ofSeconds(10));
        registry.register(i -> i.service("api").id("api-2").address("127.0.0.2").port(api2.getAddress().getPort())).apply();

        try (DiscoverySync sync = DiscoverySync.builder(registry).interval(Duration.ofMillis(50))
                .render(() -> registry.hostsFile(local, h -> h.path(hosts.toString()).domain("svc.test")
                        .reload(Command.of("kill", "-HUP", Long.toString(dnsmasq.pid())))))
                .build().start();
                HealthMonitor m = monitor("api/api-2", api2).start()) {
            HaproxyLab.await(() -> new HashSet<>(query(port)).equals(Set.of("127.0.0.1", "127.0.0.2")), Duration.ofSeconds(15));
        }
        assertThat(Files.readString(hosts)).contains("127.0.0.2 api.svc.test api-2.api.svc.test\n");
    }

    @Test
    void aNewHealthyInstanceJoinsAnNginxUpstream() throws Exception {
        Path program = RealComponents.program("nginx");
        HttpServer api1 = backend("api-1", "127.0.0.1");
        HttpServer api2 = backend("api-2", "127.0.0.1");
        int frontend = freePort();
        Path upstream = dir.resolve("upstream.conf");
        registry.register(i -> i.service("api").id("api-1").address("127.0.0.1").port(api1.getAddress().getPort())
                .health(HealthStatus.HEALTHY)).apply();
        registry.register(i -> i.service("api").id("api-2").address("127.0.0.1").port(api2.getAddress().getPort())).apply();
        registry.nginxUpstream(local, u -> u.path(upstream.toString()).service("api")).apply();
        Path conf = dir.resolve("nginx.conf");
        Files.writeString(conf, """
                worker_processes 1;
                error_log %1$s/error.log;
                pid %1$s/nginx.pid;
                events { worker_connections 64; }
                http {
                    access_log off;
                    include %2$s;
                    server {
                        listen 127.0.0.1:%3$d;
                        location / { proxy_pass http://api; }
                    }
                }
                """.formatted(dir, upstream, frontend));
        Process nginx = new ProcessBuilder(program.toString(), "-p", dir.toString(), "-c", conf.toString(), "-g", "daemon off;")
                .redirectErrorStream(true).redirectOutput(dir.resolve("nginx.out").toFile()).start();
        processes.add(nginx);
        HaproxyLab.await(() -> served(frontend, 2).equals(Set.of("api-1")), Duration.ofSeconds(10));

        try (DiscoverySync sync = DiscoverySync.builder(registry).interval(Duration.ofMillis(50))
                .render(() -> registry.nginxUpstream(local, u -> u.path(upstream.toString()).service("api")
                        .reload(Command.of("sh", "-c", "'" + program + "' -t -p '" + dir + "' -c '" + conf + "' && kill -HUP " + nginx.pid()))))
                .build().start();
                HealthMonitor m = monitor("api/api-2", api2).start()) {
            HaproxyLab.await(() -> served(frontend, 4).equals(Set.of("api-1", "api-2")), Duration.ofSeconds(15));
        }
        assertThat(Files.readString(upstream)).contains("    server 127.0.0.1:" + api2.getAddress().getPort() + ";\n");
    }

    private static List<String> query(int port) {
        try {
            return DnsQuery.a(port, "api.svc.test");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Set<String> served(int frontend, int n) {
        HttpClient http = HttpClient.newHttpClient();
        Set<String> seen = new HashSet<>();
        try {
            for (int i = 0; i < n; i++) {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + frontend + "/"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    seen.add(r.body());
                }
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return seen;
    }
}
