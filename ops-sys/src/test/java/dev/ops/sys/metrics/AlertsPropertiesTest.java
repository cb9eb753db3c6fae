package dev.ops.sys.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

class AlertsPropertiesTest {

    @Property(tries = 200)
    void anAlertFiresOnlyAfterAnUnbrokenBreachOfItsDurationAndEventsAlternate(
            @ForAll @Size(min = 1, max = 60) List<@IntRange(min = 0, max = 100) Integer> values,
            @ForAll @Size(min = 60, max = 60) List<@IntRange(min = 1, max = 120) Integer> gapsSeconds,
            @ForAll @IntRange(min = 0, max = 300) int forSeconds) {
        AlertRule rule = AlertRule.named("r").when("m").above(50).forAtLeast(Duration.ofSeconds(forSeconds));
        Alerts alerts = Alerts.of(List.of(rule));
        Instant t = Instant.parse("2026-01-01T00:00:00Z");
        Instant breachSince = null;
        List<AlertEvent> all = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            t = t.plusSeconds(gapsSeconds.get(i));
            double v = values.get(i);
            breachSince = v > 50 ? (breachSince == null ? t : breachSince) : null;
            for (AlertEvent e : alerts.evaluate(t, Map.of("m", v))) {
                all.add(e);
                if (e instanceof AlertEvent.Firing f) {
                    assertThat(f.since()).isEqualTo(breachSince);
                    assertThat(Duration.between(f.since(), f.at())).isGreaterThanOrEqualTo(rule.forAtLeast());
                } else {
                    assertThat(v).isLessThanOrEqualTo(50);
                }
            }
        }
        for (int i = 0; i < all.size(); i++) {
            assertThat(all.get(i)).isInstanceOf(i % 2 == 0 ? AlertEvent.Firing.class : AlertEvent.Resolved.class);
        }
    }
}
