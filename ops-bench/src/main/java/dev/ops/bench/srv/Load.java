package dev.ops.bench.srv;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/** A bounded open-loop load: one request every {@code 1/rate} s through the frontend, at most 200 in flight; counts failures. */
final class Load implements AutoCloseable {
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    private final AtomicLong inFlight = new AtomicLong();
    final AtomicLong sent = new AtomicLong();
    final AtomicLong ok = new AtomicLong();
    final AtomicLong failed = new AtomicLong();
    final AtomicLong skipped = new AtomicLong();

    Load(int frontend, int perSecond) {
        URI uri = URI.create("http://127.0.0.1:" + frontend + "/");
        timer.scheduleAtFixedRate(() -> {
            if (inFlight.get() >= 200) {
                skipped.incrementAndGet();
                return;
            }
            inFlight.incrementAndGet();
            sent.incrementAndGet();
            http.sendAsync(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString())
                    .whenComplete((r, e) -> {
                        inFlight.decrementAndGet();
                        if (e == null && r.statusCode() == 200) {
                            ok.incrementAndGet();
                        } else {
                            failed.incrementAndGet();
                        }
                    });
        }, 0, 1_000_000L / perSecond, TimeUnit.MICROSECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        timer.shutdownNow();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(6);
        while (inFlight.get() > 0 && System.nanoTime() < end) {
            Thread.sleep(10);
        }
    }
}
