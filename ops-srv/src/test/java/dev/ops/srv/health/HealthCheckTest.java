package dev.ops.srv.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ops.core.error.ValidationException;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class HealthCheckTest {
    private static final Probe PROBE = Probe.tcp("127.0.0.1", 1);
    private static final ProbeResult OK = new ProbeResult(true, "ok", Duration.ZERO);
    private static final ProbeResult BAD = new ProbeResult(false, "bad", Duration.ZERO);

    private static HealthTracker tracker(int success, int failure) {
        return new HealthTracker(HealthCheck.builder().name("web").probe(PROBE).successThreshold(success).failureThreshold(failure).build());
    }

    @Test
    void aTimeoutLongerThanThePeriodIsRefusedNamingTheField() {
        assertThatThrownBy(() -> HealthCheck.builder().name("web").probe(PROBE).period(Duration.ofSeconds(1)).timeout(Duration.ofSeconds(2)).build())
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violationsOf("timeout")).singleElement().asString()
                        .contains("longer than period"));
    }

    @Test
    void zeroThresholdsAndANegativeDelayAreAllReported() {
        assertThatThrownBy(() -> HealthCheck.builder().name("web").probe(PROBE).successThreshold(0).failureThreshold(0)
                .initialDelay(Duration.ofSeconds(-1)).build())
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.violationsOf("successThreshold")).isNotEmpty();
                    assertThat(e.violationsOf("failureThreshold")).isNotEmpty();
                    assertThat(e.violationsOf("initialDelay")).isNotEmpty();
                });
    }

    @Test
    void probesRefuseBadPortsSchemesAndUnitNames() {
        assertThatThrownBy(() -> Probe.tcp("127.0.0.1", 70000)).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.violationsOf("port")).isNotEmpty());
        assertThatThrownBy(() -> Probe.http(java.net.URI.create("ftp://x/"))).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.violationsOf("uri")).isNotEmpty());
        assertThatThrownBy(() -> Probe.unit(dev.ops.testkit.host.ScriptedHost.named("h"), "a b.service"))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violationsOf("unit")).isNotEmpty());
    }

    @Test
    void theStatusStaysUnknownUntilAThresholdIsReached() {
        HealthTracker t = tracker(2, 3);

        assertThat(t.record(OK, Instant.EPOCH).status()).isEqualTo(HealthStatus.UNKNOWN);
        HealthEvent second = t.record(OK, Instant.EPOCH);

        assertThat(second.status()).isEqualTo(HealthStatus.HEALTHY);
        assertThat(second.changed()).isTrue();
        assertThat(second.consecutive()).isEqualTo(2);
    }

    @Test
    void failuresBelowTheThresholdKeepAHealthyCheckHealthy() {
        HealthTracker t = tracker(1, 3);
        t.record(OK, Instant.EPOCH);

        t.record(BAD, Instant.EPOCH);
        HealthEvent two = t.record(BAD, Instant.EPOCH);
        assertThat(two.status()).isEqualTo(HealthStatus.HEALTHY);
        assertThat(two.changed()).isFalse();

        HealthEvent three = t.record(BAD, Instant.EPOCH);
        assertThat(three.previous()).isEqualTo(HealthStatus.HEALTHY);
        assertThat(three.status()).isEqualTo(HealthStatus.UNHEALTHY);
    }

    @Test
    void aSuccessBetweenFailuresStartsTheCountAgain() {
        HealthTracker t = tracker(1, 2);
        t.record(OK, Instant.EPOCH);
        t.record(BAD, Instant.EPOCH);
        t.record(OK, Instant.EPOCH);

        assertThat(t.record(BAD, Instant.EPOCH).status()).isEqualTo(HealthStatus.HEALTHY);
    }
}
