package dev.ops.pve;

import dev.ops.proxmox.RetryPolicy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import dev.ops.proxmox.error.ProxmoxInvalidParameterException;
import dev.ops.proxmox.error.ProxmoxServerException;
import dev.ops.pve.testing.FakeTime;
import dev.ops.pve.testing.Fakes;
import dev.ops.testkit.pve.PveAnswer;
import dev.ops.testkit.pve.PveFakeServer;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(20)
class RetryTest {
    private final PveFakeServer pve = Fakes.cluster().vm(101, "pve1").start();
    private final FakeTime time = new FakeTime();
    private final PveClient client = Fakes.clientBuilder(pve).timeSource(time)
            .retryPolicy(new RetryPolicy(4, Duration.ofMillis(100), Duration.ofSeconds(1), Duration.ofSeconds(30))).build();

    @AfterEach
    void stop() {
        pve.close();
    }

    @Test
    void retriesAServerErrorOnAReadWithGrowingBackoff() {
        pve.answerNext("GET", "/version", PveAnswer.error(500, "internal error"));
        pve.answerNext("GET", "/version", PveAnswer.error(503, "service unavailable"));
        assertThat(client.version().version()).isNotEmpty();
        assertThat(Fakes.calls(pve, "GET", "/version")).hasSize(3);
        assertThat(time.sleeps).hasSize(2);
        assertThat(time.sleeps.get(1)).isGreaterThan(time.sleeps.get(0));
    }

    @Test
    void neverRetriesAServerErrorOnAWrite() {
        pve.answerNext("POST", "/nodes/pve1/qemu/101/status/start", PveAnswer.error(500, "internal error"));
        assertThatThrownBy(() -> RawCalls.start(client, "pve1", 101)).isInstanceOf(ProxmoxServerException.class);
        assertThat(Fakes.calls(pve, "POST", "/status/start")).hasSize(1);
        assertThat(time.sleeps).isEmpty();
    }

    @Test
    void retriesLockContentionOnAWriteSinceProxmoxRefusedBeforeActing() {
        pve.answerNext("POST", "/nodes/pve1/qemu/101/status/start", PveAnswer.error(500, "VM is locked (snapshot)"));
        assertThat(RawCalls.start(client, "pve1", 101).upid().type()).isEqualTo("qmstart");
        assertThat(Fakes.calls(pve, "POST", "/status/start")).hasSize(2);
    }

    @Test
    void neverRetriesAPermanentError() {
        pve.answerNext("GET", "/version", PveAnswer.invalid(Map.of("x", "bad")));
        assertThatThrownBy(client::version).isInstanceOf(ProxmoxInvalidParameterException.class);
        assertThat(Fakes.calls(pve, "GET", "/version")).hasSize(1);
    }

    @Test
    void givesUpAfterMaxAttempts() {
        for (int i = 0; i < 5; i++) {
            pve.answerNext("GET", "/version", PveAnswer.error(500, "internal error"));
        }
        assertThatThrownBy(client::version).isInstanceOf(ProxmoxServerException.class);
        assertThat(Fakes.calls(pve, "GET", "/version")).hasSize(4);
    }

    @Test
    void stopsRetryingAtTheCallersDeadline() {
        for (int i = 0; i < 5; i++) {
            pve.answerNext("GET", "/version", PveAnswer.error(500, "internal error"));
        }
        assertThatThrownBy(() -> client.api().withDeadline(Duration.ofMillis(150)).get("/version")).isInstanceOf(ProxmoxServerException.class);
        assertThat(Fakes.calls(pve, "GET", "/version")).hasSizeLessThanOrEqualTo(2);
    }
}
