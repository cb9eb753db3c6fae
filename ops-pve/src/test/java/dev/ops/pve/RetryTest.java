package dev.ops.pve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ops.pve.error.PveInvalidParameterException;
import dev.ops.pve.error.PveServerException;
import dev.ops.pve.testing.FakeTime;
import dev.ops.pve.testing.MiniPve;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(20)
class RetryTest {
    private final MiniPve pve = MiniPve.start();
    private final FakeTime time = new FakeTime();
    private final PveClient client = pve.clientBuilder().timeSource(time)
            .retryPolicy(new RetryPolicy(4, Duration.ofMillis(100), Duration.ofSeconds(1), Duration.ofSeconds(30))).build();

    @AfterEach
    void stop() {
        pve.close();
    }

    @Test
    void retriesAServerErrorOnAReadWithGrowingBackoff() {
        pve.script("GET", "/version", MiniPve.error(500, "internal error"));
        pve.script("GET", "/version", MiniPve.error(503, "service unavailable"));
        assertThat(client.version().version()).isEqualTo("9.1.1");
        assertThat(pve.requests("GET", "/version")).hasSize(3);
        assertThat(time.sleeps).hasSize(2);
        assertThat(time.sleeps.get(1)).isGreaterThan(time.sleeps.get(0));
    }

    @Test
    void neverRetriesAServerErrorOnAWrite() {
        pve.addGuest("pve1", "qemu", 101, "web");
        pve.script("POST", "/nodes/pve1/qemu/101/status/start", MiniPve.error(500, "internal error"));
        assertThatThrownBy(() -> RawCalls.start(client, "pve1", 101)).isInstanceOf(PveServerException.class);
        assertThat(pve.requests("POST", "/status/start")).hasSize(1);
        assertThat(time.sleeps).isEmpty();
    }

    @Test
    void retriesLockContentionOnAWriteSinceProxmoxRefusedBeforeActing() {
        pve.addGuest("pve1", "qemu", 101, "web");
        pve.script("POST", "/nodes/pve1/qemu/101/status/start", MiniPve.error(500, "VM is locked (snapshot)"));
        assertThat(RawCalls.start(client, "pve1", 101).upid().type()).isEqualTo("qmstart");
        assertThat(pve.requests("POST", "/status/start")).hasSize(2);
    }

    @Test
    void neverRetriesAPermanentError() {
        pve.script("GET", "/version", MiniPve.fieldErrors(Map.of("x", "bad")));
        assertThatThrownBy(client::version).isInstanceOf(PveInvalidParameterException.class);
        assertThat(pve.requests("GET", "/version")).hasSize(1);
    }

    @Test
    void givesUpAfterMaxAttempts() {
        for (int i = 0; i < 5; i++) {
            pve.script("GET", "/version", MiniPve.error(500, "internal error"));
        }
        assertThatThrownBy(client::version).isInstanceOf(PveServerException.class);
        assertThat(pve.requests("GET", "/version")).hasSize(4);
    }

    @Test
    void stopsRetryingAtTheCallersDeadline() {
        for (int i = 0; i < 5; i++) {
            pve.script("GET", "/version", MiniPve.error(500, "internal error"));
        }
        assertThatThrownBy(() -> client.api().withDeadline(Duration.ofMillis(150)).get("/version")).isInstanceOf(PveServerException.class);
        assertThat(pve.requests("GET", "/version")).hasSizeLessThanOrEqualTo(2);
    }
}
