package dev.ops.srv.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ops.core.Ops;
import dev.ops.core.audit.AuditRecord;
import dev.ops.core.error.ValidationException;
import dev.ops.core.store.InMemoryStateStore;
import dev.ops.core.store.StateStore;
import dev.ops.srv.unit.FakeSystemdAccess;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The healer, fed events directly: time is in the events, so nothing sleeps. */
class HealerTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private final StateStore store = new InMemoryStateStore();
    private final Ops ops = Ops.inMemory().toBuilder().store(store).build();
    private final List<HealthEvent> healed = new ArrayList<>();
    private final List<Escalation> escalated = new ArrayList<>();

    private Healer healer(Ops ops) {
        return Healer.builder(ops).action("web", HealAction.hook("restart web", healed::add)).maxHeals(2).window(Duration.ofMinutes(10))
                .retryAfter(Duration.ofMinutes(1)).onEscalation(escalated::add).build();
    }

    private static HealthEvent unhealthy(Instant at, boolean changed) {
        return new HealthEvent("web", changed ? HealthStatus.HEALTHY : HealthStatus.UNHEALTHY, HealthStatus.UNHEALTHY,
                new ProbeResult(false, "status 503", Duration.ZERO), 3, at);
    }

    private static HealthEvent healthy(Instant at) {
        return new HealthEvent("web", HealthStatus.UNHEALTHY, HealthStatus.HEALTHY, new ProbeResult(true, "status 200", Duration.ZERO), 1, at);
    }

    @Test
    void aCheckTurningUnhealthyIsHealedAndAudited() {
        Healer h = healer(ops);

        h.onEvent(unhealthy(T0, true));

        assertThat(healed).hasSize(1);
        assertThat(ops.audit().records()).anySatisfy(r -> {
            assertThat(r.change()).isEqualTo("heal web");
            assertThat(r.step()).isEqualTo("hook restart web");
            assertThat(r.outcome()).isEqualTo(AuditRecord.Outcome.APPLIED);
        });
    }

    @Test
    void aCheckThatStaysUnhealthyIsHealedAgainOnlyAfterRetryAfter() {
        Healer h = healer(ops);
        h.onEvent(unhealthy(T0, true));

        h.onEvent(unhealthy(T0.plusSeconds(10), false));
        assertThat(healed).hasSize(1);
        h.onEvent(unhealthy(T0.plusSeconds(61), false));
        assertThat(healed).hasSize(2);
    }

    @Test
    void healthyEventsAndChecksWithoutAnActionAreLeftAlone() {
        Healer h = healer(ops);

        h.onEvent(healthy(T0));
        h.onEvent(new HealthEvent("db", HealthStatus.HEALTHY, HealthStatus.UNHEALTHY, new ProbeResult(false, "x", Duration.ZERO), 3, T0));

        assertThat(healed).isEmpty();
    }

    @Test
    void flappingPastMaxHealsWithinTheWindowEscalatesOnceAndStopsHealing() {
        Healer h = healer(ops);
        h.onEvent(unhealthy(T0, true));
        h.onEvent(healthy(T0.plusSeconds(30)));
        h.onEvent(unhealthy(T0.plusSeconds(60), true));
        h.onEvent(healthy(T0.plusSeconds(90)));

        h.onEvent(unhealthy(T0.plusSeconds(120), true));
        h.onEvent(unhealthy(T0.plusSeconds(500), false));

        assertThat(healed).hasSize(2);
        assertThat(escalated).singleElement().satisfies(e -> {
            assertThat(e.check()).isEqualTo("web");
            assertThat(e.reason()).contains("2 times").contains("status 503");
        });
        assertThat(h.escalation("web")).isPresent();
        assertThat(store.get(Healer.STORE_PREFIX + "web/escalation")).isPresent();
    }

    @Test
    void healsOutsideTheWindowDoNotCount() {
        Healer h = healer(ops);
        h.onEvent(unhealthy(T0, true));
        h.onEvent(unhealthy(T0.plus(Duration.ofMinutes(11)), true));
        h.onEvent(unhealthy(T0.plus(Duration.ofMinutes(22)), true));

        assertThat(healed).hasSize(3);
        assertThat(escalated).isEmpty();
    }

    @Test
    void anotherHealerSharingTheStoreLeavesAnEscalatedCheckAloneUntilResolved() {
        Healer first = healer(ops);
        first.onEvent(unhealthy(T0, true));
        first.onEvent(unhealthy(T0.plusSeconds(60), true));
        first.onEvent(unhealthy(T0.plusSeconds(120), true));
        assertThat(escalated).hasSize(1);
        healed.clear();

        Healer second = healer(Ops.inMemory().toBuilder().store(store).build());
        second.onEvent(unhealthy(T0.plusSeconds(180), true));
        assertThat(healed).isEmpty();

        first.resolve("web");
        second.onEvent(unhealthy(T0.plusSeconds(240), true));
        assertThat(healed).hasSize(1);
    }

    @Test
    void aFailingHealIsAuditedAsFailedAndDoesNotThrowIntoTheMonitor() {
        Healer h = Healer.builder(ops).action("web", HealAction.hook("broken", e -> {
            throw new IllegalStateException("no way");
        })).build();

        h.onEvent(unhealthy(T0, true));

        assertThat(ops.audit().records()).anySatisfy(r -> {
            assertThat(r.outcome()).isEqualTo(AuditRecord.Outcome.FAILED);
            assertThat(r.detail()).contains("no way");
        });
    }

    @Test
    void restartUnitRestartsThroughSystemctlAsAChange() {
        FakeSystemdAccess systemd = FakeSystemdAccess.withUnit("web.service", "failed");
        Healer h = Healer.builder(ops).action("web", HealAction.restartUnit(systemd.host(), ops, "web.service")).build();

        h.onEvent(unhealthy(T0, true));

        assertThat(systemd.lines()).contains("systemctl restart -- web.service");
        assertThat(systemd.activeState("web.service")).isEqualTo("active");
    }

    @Test
    void badLimitsAreRefusedNamingTheField() {
        assertThatThrownBy(() -> Healer.builder(ops).action("web", HealAction.hook("x", e -> {})).maxHeals(0).window(Duration.ZERO).build())
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.violationsOf("maxHeals")).isNotEmpty();
                    assertThat(e.violationsOf("window")).isNotEmpty();
                });
    }
}
