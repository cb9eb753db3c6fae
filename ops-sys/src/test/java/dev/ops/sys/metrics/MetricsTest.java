package dev.ops.sys.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ops.core.host.LocalHost;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class MetricsTest {

    @Test
    void aReadingOfThisMachineHasItsCountersAndPressureWherePresent() {
        Reading r = Metrics.of(LocalHost.create()).read();

        assertThat(r.uptimeSeconds()).isPositive();
        assertThat(r.cpu().total()).isPositive();
        assertThat(r.cpus()).isNotEmpty().allSatisfy((name, t) -> assertThat(name).matches("cpu\\d+"));
        assertThat(r.networks()).containsKey("lo");
        assertThat(r.memTotalBytes()).isGreaterThanOrEqualTo(r.memAvailableBytes()).isPositive();
        assertThat(r.memoryPressure().present()).isEqualTo(Files.exists(Path.of("/proc/pressure/memory")));
    }

    @Test
    void theSamplerGivesNoRatesFirstThenRatesSinceTheLastSample() throws Exception {
        Metrics.Sampler sampler = Metrics.of(LocalHost.create()).sampler();

        assertThat(sampler.sample()).isEmpty();
        long sent = sendOverLoopback(4 * 1024 * 1024);
        Optional<Rates> rates = sampler.sample();

        assertThat(rates).hasValueSatisfying(r -> {
            assertThat(r.cpuBusyPercent()).isBetween(0.0, 100.0);
            double seconds = r.interval().toNanos() / 1e9;
            assertThat(r.networks().get("lo").rxBytesPerSecond() * seconds).isGreaterThanOrEqualTo(sent);
        });
    }

    /** Sends bytes from one loopback socket to another on this machine; returns how many. */
    private static long sendOverLoopback(int bytes) throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CompletableFuture<Long> received = CompletableFuture.supplyAsync(() -> {
                try (Socket s = server.accept(); InputStream in = s.getInputStream()) {
                    return in.transferTo(OutputStream.nullOutputStream());
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            try (Socket client = new Socket(InetAddress.getLoopbackAddress(), server.getLocalPort()); OutputStream out = client.getOutputStream()) {
                out.write(new byte[bytes]);
            }
            return received.get(10, TimeUnit.SECONDS);
        }
    }
}
