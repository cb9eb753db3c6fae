package dev.ops.sys.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ops.core.error.ValidationException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AlertsTest {
    private static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");
    private final AlertRule hot = AlertRule.named("cpu-hot").when("cpu.busy.percent").above(90).forAtLeast(Duration.ofMinutes(5));

    private static Instant at(int minutes) {
        return T0.plus(Duration.ofMinutes(minutes));
    }

    @Test
    void aBreachFiresOnlyAfterItHasHeldForTheRulesDuration() {
        Alerts alerts = Alerts.of(List.of(hot));

        assertThat(alerts.evaluate(at(0), Map.of("cpu.busy.percent", 95.0))).isEmpty();
        assertThat(alerts.evaluate(at(4), Map.of("cpu.busy.percent", 97.0))).isEmpty();
        List<AlertEvent> events = alerts.evaluate(at(5), Map.of("cpu.busy.percent", 96.0));

        assertThat(events).containsExactly(new AlertEvent.Firing(hot, "cpu.busy.percent", at(5), at(0), 96.0));
        assertThat(alerts.firing()).containsEntry("cpu-hot", List.of("cpu.busy.percent"));
    }

    @Test
    void aFiringAlertFiresOnceAndResolvesWhenTheConditionEnds() {
        Alerts alerts = Alerts.of(List.of(hot));
        alerts.evaluate(at(0), Map.of("cpu.busy.percent", 95.0));
        alerts.evaluate(at(5), Map.of("cpu.busy.percent", 95.0));

        assertThat(alerts.evaluate(at(6), Map.of("cpu.busy.percent", 99.0))).isEmpty();
        assertThat(alerts.evaluate(at(7), Map.of("cpu.busy.percent", 20.0)))
                .containsExactly(new AlertEvent.Resolved(hot, "cpu.busy.percent", at(7), at(5), 20.0));
        assertThat(alerts.firing()).isEmpty();
    }

    @Test
    void aShortBreachNeverFires() {
        Alerts alerts = Alerts.of(List.of(hot));

        alerts.evaluate(at(0), Map.of("cpu.busy.percent", 95.0));
        assertThat(alerts.evaluate(at(3), Map.of("cpu.busy.percent", 50.0))).isEmpty();
        assertThat(alerts.evaluate(at(4), Map.of("cpu.busy.percent", 95.0))).isEmpty();
        assertThat(alerts.evaluate(at(8), Map.of("cpu.busy.percent", 95.0))).isEmpty();
        assertThat(alerts.evaluate(at(9), Map.of("cpu.busy.percent", 95.0))).hasSize(1);
    }

    @Test
    void aWildcardRuleTracksEachDeviceOnItsOwn() {
        AlertRule busy = AlertRule.named("disk-busy").when("disk.*.utilization.percent").above(80).immediately();
        Alerts alerts = Alerts.of(List.of(busy));

        List<AlertEvent> events = alerts.evaluate(at(0), Map.of("disk.sda.utilization.percent", 90.0, "disk.sdb.utilization.percent", 10.0,
                "disk.sda.reads_per_second", 500.0));

        assertThat(events).extracting(AlertEvent::metric).containsExactly("disk.sda.utilization.percent");
        assertThat(alerts.evaluate(at(1), Map.of("disk.sda.utilization.percent", 90.0, "disk.sdb.utilization.percent", 85.0)))
                .extracting(AlertEvent::metric).containsExactly("disk.sdb.utilization.percent");
    }

    @Test
    void aMetricThatDisappearsResolvesItsAlert() {
        AlertRule busy = AlertRule.named("disk-busy").when("disk.*.utilization.percent").above(80).immediately();
        Alerts alerts = Alerts.of(List.of(busy));
        alerts.evaluate(at(0), Map.of("disk.sdc.utilization.percent", 99.0));

        assertThat(alerts.evaluate(at(1), Map.of())).singleElement()
                .isInstanceOfSatisfying(AlertEvent.Resolved.class, r -> assertThat(r.value()).isNaN());
    }

    @Test
    void belowRulesFireUnderTheThreshold() {
        AlertRule lowMemory = AlertRule.named("mem").when("memory.available.percent").below(10).immediately();
        Alerts alerts = Alerts.of(List.of(lowMemory));

        assertThat(alerts.evaluate(at(0), Map.of("memory.available.percent", 10.0))).isEmpty();
        assertThat(alerts.evaluate(at(1), Map.of("memory.available.percent", 9.9))).hasSize(1);
    }

    @Test
    void malformedRulesListEveryProblem() {
        assertThatThrownBy(() -> new AlertRule("", "cpu busy", true, Double.NaN, Duration.ofSeconds(-1)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations()).hasSize(4));
    }
}
