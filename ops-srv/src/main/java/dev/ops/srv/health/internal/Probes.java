package dev.ops.srv.health.internal;

import dev.ops.core.host.CommandResult;
import dev.ops.srv.health.Probe;
import dev.ops.srv.health.ProbeResult;
import dev.ops.srv.unit.UnitState;
import dev.ops.srv.unit.internal.UnitControlChange;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;

/** Runs each kind of probe; a target that is down is an unhealthy result, never an exception. */
public final class Probes {
    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private Probes() {}

    /** Runs {@code probe} within {@code timeout}. */
    public static ProbeResult run(Probe probe, Duration timeout) {
        long start = System.nanoTime();
        try {
            return switch (probe) {
                case Probe.Http h -> http(h, timeout, start);
                case Probe.Tcp t -> tcp(t, timeout, start);
                case Probe.Exec e -> exec(e, timeout, start);
                case Probe.Unit u -> unit(u, start);
            };
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return done(false, "interrupted", start);
        } catch (IOException | RuntimeException e) {
            return done(false, reason(e), start);
        }
    }

    private static ProbeResult http(Probe.Http h, Duration timeout, long start) throws IOException, InterruptedException {
        HttpRequest req = HttpRequest.newBuilder(h.uri()).timeout(timeout).GET().header("User-Agent", "ops-health").build();
        HttpResponse<String> r;
        try {
            r = HTTP.send(req, HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException e) {
            return done(false, "no answer within " + timeout.toMillis() + " ms", start);
        }
        int status = r.statusCode();
        if (status < h.minStatus() || status > h.maxStatus()) {
            return done(false, "status " + status + ", wanted " + h.minStatus() + ".." + h.maxStatus(), start);
        }
        if (h.body().isPresent() && !h.body().get().matcher(r.body()).find()) {
            return done(false, "status " + status + ", body does not match /" + h.body().get().pattern() + "/", start);
        }
        return done(true, "status " + status, start);
    }

    private static ProbeResult tcp(Probe.Tcp t, Duration timeout, long start) throws IOException {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(t.host(), t.port()), (int) Math.max(1, timeout.toMillis()));
            return done(true, "connected", start);
        } catch (SocketTimeoutException e) {
            return done(false, "no connection within " + timeout.toMillis() + " ms", start);
        } catch (IOException e) {
            return done(false, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage(), start);
        }
    }

    private static ProbeResult exec(Probe.Exec e, Duration timeout, long start) {
        CommandResult r = e.host().run(e.command().withTimeout(timeout));
        return done(r.ok(), "exit " + r.exitCode() + (r.ok() ? "" : ": " + r.stderrTail()), start);
    }

    private static ProbeResult unit(Probe.Unit u, long start) {
        UnitState s = UnitControlChange.show(u.host(), u.unit());
        return done(s.activeState().equals("active"), s.activeState() + "/" + s.subState(), start);
    }

    private static ProbeResult done(boolean healthy, String detail, long start) {
        return new ProbeResult(healthy, detail, Duration.ofNanos(System.nanoTime() - start));
    }

    /** The exception's type and the first message found along its causes (HttpClient's ConnectException has none of its own). */
    private static String reason(Throwable e) {
        if (e instanceof java.net.ConnectException && (e.getMessage() == null || e.getMessage().isBlank())) {
            return "connection refused";
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                return e.getClass().getSimpleName() + ": " + t.getMessage();
            }
        }
        return e.getClass().getSimpleName();
    }
}
