package dev.ops.bench.srv;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executors;

/**
 * HTTP backends on loopback that behave like services being deployed: each serves
 * {@code "<name> <version>"}, its version read from {@code <dir>/<name>.version}; when that file
 * changes, the backend restarts (its listener closed, every connection cut, then {@code startMillis}
 * later bound again on the same port), as a service restarted by a deploy does.
 */
final class Backends implements AutoCloseable {
    private final Path dir;
    private final long startMillis;
    private final Map<String, HttpServer> servers = new LinkedHashMap<>();
    private final Map<String, Integer> ports = new LinkedHashMap<>();
    private final Map<String, String> versions = new LinkedHashMap<>();
    private final Thread watcher;
    private volatile boolean running = true;

    Backends(Path dir, int count, long startMillis) throws IOException {
        this.dir = dir;
        this.startMillis = startMillis;
        for (int i = 1; i <= count; i++) {
            String name = String.format("web-%02d", i);
            versions.put(name, read(name));
            HttpServer s = start(name, 0);
            servers.put(name, s);
            ports.put(name, s.getAddress().getPort());
        }
        watcher = Thread.ofPlatform().daemon().name("backend-deployer").start(this::watch);
    }

    Map<String, Integer> ports() {
        return ports;
    }

    Path versionFile(String name) {
        return dir.resolve(name + ".version");
    }

    private String read(String name) {
        try {
            Path f = versionFile(name);
            return Files.exists(f) ? Files.readString(f).strip() : "v1";
        } catch (IOException e) {
            return "?";
        }
    }

    private HttpServer start(String name, int port) throws IOException {
        HttpServer s = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 128);
        String version = versions.get(name);
        s.createContext("/", ex -> {
            byte[] b = (name + " " + version).getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(200, b.length);
            ex.getResponseBody().write(b);
            ex.close();
        });
        s.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        s.start();
        return s;
    }

    private void watch() {
        while (running) {
            for (String name : servers.keySet()) {
                String v = read(name);
                if (!v.equals(versions.get(name))) {
                    restart(name, v);
                }
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void restart(String name, String version) {
        servers.get(name).stop(0);
        versions.put(name, version);
        Thread.ofVirtual().start(() -> {
            try {
                Thread.sleep(startMillis);
                synchronized (servers) {
                    servers.put(name, start(name, ports.get(name)));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        try {
            Thread.sleep(startMillis + 20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        watcher.interrupt();
        watcher.join();
        servers.values().forEach(s -> s.stop(0));
    }
}
