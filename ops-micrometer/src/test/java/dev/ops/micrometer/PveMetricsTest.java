package dev.ops.micrometer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ops.core.secret.Secret;
import dev.ops.pve.PveClient;
import dev.ops.proxmox.task.ProxmoxTask;
import dev.ops.testkit.pve.PveApiToken;
import dev.ops.testkit.pve.PveFakeServer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class PveMetricsTest {
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final PveFakeServer pve = PveFakeServer.builder().node("pve1").vm(101, "pve1")
            .token("root@pam", "ops", "0a4e2b8c-6f7d-4c1e-9b3a-2d5f8e7c1a90").taskDuration(Duration.ZERO).start();
    private final PveClient client = client();

    private PveClient client() {
        PveApiToken token = pve.token();
        return PveClient.builder().baseUrl(pve.baseUri().toString()).pinnedCertificate(pve.fingerprint())
                .apiToken(token.userid(), token.name(), Secret.of(token.secret())).listener(PveMetrics.of(registry)).build();
    }

    @AfterEach
    void stop() {
        client.close();
        pve.close();
    }

    @Test
    void callsAreTimedByMethodPathTemplateAndStatus() {
        client.api().get("/nodes/{node}/qemu/{vmid}/status/current", Map.of("node", "pve1", "vmid", 101));
        client.api().get("/nodes/{node}/qemu/{vmid}/status/current", Map.of("node", "pve1", "vmid", 101));

        assertThat(registry.get("ops.pve.calls").tags("method", "GET", "path", "/nodes/{node}/qemu/{vmid}/status/current", "status", "200")
                .timer().count()).isEqualTo(2);
    }

    @Test
    void aTaskIsCountedWhenStartedAndItsWaitTimedByTypeAndOutcome() {
        ProxmoxTask task = client.api().task("POST", "/nodes/{node}/qemu/{vmid}/status/start", Map.of("node", "pve1", "vmid", 101));
        task.await(Duration.ofSeconds(10));

        assertThat(registry.get("ops.pve.tasks.started").tags("type", "qmstart").counter().count()).isEqualTo(1);
        assertThat(registry.get("ops.pve.task.waits").tags("type", "qmstart", "outcome", "ok").timer().count()).isEqualTo(1);
    }
}
