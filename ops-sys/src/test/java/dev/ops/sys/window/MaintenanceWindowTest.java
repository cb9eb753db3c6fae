package dev.ops.sys.window;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ops.core.Ops;
import dev.ops.core.change.Applied;
import dev.ops.core.change.Change;
import dev.ops.core.change.Changes;
import dev.ops.core.policy.Approver;
import dev.ops.core.change.Plan;
import dev.ops.core.change.Rollback;
import dev.ops.core.error.ValidationException;
import dev.ops.core.host.LocalHost;
import dev.ops.sys.support.Sandboxes;
import dev.ops.sys.sysctl.Sysctl;
import dev.ops.sys.sysctl.SysctlValue;
import dev.ops.testkit.sandbox.SandboxHost;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class MaintenanceWindowTest {
    /** Saturdays 02:00 to 06:00 Berlin time. */
    private final MaintenanceWindow saturdayNight = MaintenanceWindow.of("0 2 * * SAT", Duration.ofHours(4), ZoneId.of("Europe/Berlin"));

    private static Instant i(String s) {
        return Instant.parse(s);
    }

    @Test
    void containsInstantsInsideTheWindowInItsZone() {
        assertThat(saturdayNight.contains(i("2026-06-06T00:00:00Z"))).as("02:00 CEST, the opening minute").isTrue();
        assertThat(saturdayNight.contains(i("2026-06-06T03:59:59Z"))).as("05:59:59 CEST").isTrue();
        assertThat(saturdayNight.contains(i("2026-06-06T04:00:00Z"))).as("06:00 CEST, closed").isFalse();
        assertThat(saturdayNight.contains(i("2026-06-05T23:59:59Z"))).as("01:59:59 CEST").isFalse();
        assertThat(saturdayNight.contains(i("2026-01-10T01:00:00Z"))).as("02:00 CET in winter").isTrue();
    }

    @Test
    void currentGivesTheOpenOccurrence() {
        assertThat(saturdayNight.current(i("2026-06-06T01:00:00Z"))).contains(new Window(i("2026-06-06T00:00:00Z"), i("2026-06-06T04:00:00Z")));
        assertThat(saturdayNight.current(i("2026-06-07T01:00:00Z"))).isEmpty();
    }

    @Test
    void nextGivesTheFollowingOccurrence() {
        assertThat(saturdayNight.next(i("2026-06-06T01:00:00Z"))).contains(new Window(i("2026-06-13T00:00:00Z"), i("2026-06-13T04:00:00Z")));
        assertThat(saturdayNight.next(i("2026-06-03T12:00:00Z"))).contains(new Window(i("2026-06-06T00:00:00Z"), i("2026-06-06T04:00:00Z")));
    }

    @Test
    void badWindowsListEveryProblem() {
        assertThatThrownBy(() -> MaintenanceWindow.of("0 25 * * *", Duration.ZERO, ZoneId.of("UTC")))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations()).hasSize(2));
        assertThatThrownBy(() -> MaintenanceWindow.of("@daily", Duration.ofHours(1), "Mars/Olympus"))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations().get(0).field()).isEqualTo("zone"));
    }

    @Test
    void aBadZoneNameDoesNotHideABadLengthOrABadSchedule() {
        assertThatThrownBy(() -> MaintenanceWindow.of("0 25 * * *", Duration.ZERO, "Mars/Olympus"))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations()).extracting(v -> v.field())
                        .containsExactlyInAnyOrder("zone", "cron.hour", "length"));
        assertThatThrownBy(() -> MaintenanceWindow.of("@daily", Duration.ofHours(-1), "\0"))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations()).extracting(v -> v.field())
                        .containsExactlyInAnyOrder("zone", "length"));
    }

    /** A change that records whether it was applied. */
    static final class RecordingChange implements Change<String> {
        int applied;

        @Override
        public String description() {
            return "recording";
        }

        @Override
        public Plan plan() {
            return Plan.of("recording", List.of(), List.of(), Instant.EPOCH);
        }

        @Override
        public Applied<String> apply() {
            applied++;
            return new Applied<>("done", plan(), Rollback.nothing());
        }

        @Override
        public Applied<String> apply(Plan reviewed) {
            return apply();
        }
    }

    @Test
    void aGuardedChangeRefusesOutsideTheWindowWithTheNextOpening() {
        RecordingChange inner = new RecordingChange();
        Change<String> guarded = saturdayNight.guard(inner, Clock.fixed(i("2026-06-03T12:00:00Z"), ZoneOffset.UTC));

        assertThatThrownBy(guarded::apply).isInstanceOfSatisfying(OutsideMaintenanceWindowException.class, e -> {
            assertThat(e.retryable()).isTrue();
            assertThat(e.nextWindow()).hasValueSatisfying(w -> assertThat(w.start()).isEqualTo(i("2026-06-06T00:00:00Z")));
        });
        assertThat(inner.applied).isZero();
        assertThat(guarded.plan().notes()).anySatisfy(n -> assertThat(n).contains("outside maintenance window").contains("2026-06-06T00:00:00Z"));
    }

    @Test
    void aGuardedChangeAppliesInsideTheWindow() {
        RecordingChange inner = new RecordingChange();
        Change<String> guarded = saturdayNight.guard(inner, Clock.fixed(i("2026-06-06T01:00:00Z"), ZoneOffset.UTC));

        assertThat(guarded.apply().value()).isEqualTo("done");
        assertThat(inner.applied).isOne();
    }

    @Test
    @Timeout(60)
    void aGuardedSysctlChangeLeavesTheKeyAloneOutsideTheWindow() {
        try (SandboxHost sandbox = Sandboxes.start("window-sbx")) {
            Change<SysctlValue> change = Sysctl.on(sandbox, Ops.inMemory()).key("net.ipv4.ip_forward").set("1");
            Change<SysctlValue> guarded = saturdayNight.guard(change, Clock.fixed(i("2026-06-03T12:00:00Z"), ZoneOffset.UTC));

            assertThatThrownBy(guarded::apply).isInstanceOf(OutsideMaintenanceWindowException.class);

            assertThat(sandbox.output("sysctl", "-n", "net.ipv4.ip_forward").strip()).isEqualTo("0");
            assertThat(LocalHost.create().readText("/proc/sys/net/ipv4/ip_forward")).isPresent();
        }
    }

    @Test
    @Timeout(60)
    void aGuardedChangeMadeByOpsComposesAndHoldsTheWholeSequenceOutsideTheWindow() {
        try (SandboxHost sandbox = Sandboxes.start("window-seq")) {
            Ops ops = Ops.inMemory();
            Change<SysctlValue> guarded = saturdayNight.guard(Sysctl.on(sandbox, ops).key("net.ipv4.ip_forward").set("1"),
                    Clock.fixed(i("2026-06-03T12:00:00Z"), ZoneOffset.UTC));
            Change<List<Object>> both = Changes.sequence(Sysctl.on(sandbox, ops).key("net.ipv4.conf.all.forwarding").set("1"), guarded);

            assertThat(both.plan().steps()).hasSize(2);
            assertThat(both.plan().notes()).anySatisfy(n -> assertThat(n).contains("outside maintenance window"));
            assertThatThrownBy(both::apply).isInstanceOf(OutsideMaintenanceWindowException.class);

            assertThat(sandbox.output("sysctl", "-n", "net.ipv4.ip_forward").strip()).isEqualTo("0");
            assertThat(sandbox.output("sysctl", "-n", "net.ipv4.conf.all.forwarding").strip()).isEqualTo("0");
        }
    }

    @Test
    @Timeout(60)
    void aGuardedSequenceAppliesInsideTheWindowAndRollsBackTogether() {
        try (SandboxHost sandbox = Sandboxes.start("window-in")) {
            Ops ops = Ops.inMemory();
            Change<SysctlValue> guarded = saturdayNight.guard(Sysctl.on(sandbox, ops).key("net.ipv4.ip_forward").set("1"),
                    Clock.fixed(i("2026-06-06T01:00:00Z"), ZoneOffset.UTC));

            var done = Changes.sequence(guarded, Sysctl.on(sandbox, ops).key("net.ipv4.conf.all.forwarding").set("1")).apply();
            assertThat(sandbox.output("sysctl", "-n", "net.ipv4.ip_forward").strip()).isEqualTo("1");

            done.rollback();
            assertThat(sandbox.output("sysctl", "-n", "net.ipv4.ip_forward").strip()).isEqualTo("0");
        }
    }

    @Test
    void asAnApproverTheWindowRefusesEveryPlanOutsideIt() {
        Approver approver = saturdayNight.approver(Clock.fixed(i("2026-06-03T12:00:00Z"), ZoneOffset.UTC));
        Plan plan = Plan.of("some change", List.of(), List.of(), i("2026-06-03T12:00:00Z"));

        Approver.Decision d = approver.review(plan);

        assertThat(d.approved()).isFalse();
        assertThat(d.reason()).contains("'some change'").contains("2026-06-06T00:00:00Z");
        assertThat(saturdayNight.approver(Clock.fixed(i("2026-06-06T01:00:00Z"), ZoneOffset.UTC)).review(plan).approved()).isTrue();
    }
}
