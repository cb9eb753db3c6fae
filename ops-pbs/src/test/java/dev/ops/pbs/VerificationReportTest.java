package dev.ops.pbs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ops.core.error.ValidationException;
import dev.ops.testkit.pbs.PbsFakeServer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A verification report says, group by group, when the last backup and the last good verification were, and whether the RPO holds. */
class VerificationReportTest {
    private static final Clock NOW = Clock.fixed(Instant.parse("2026-01-10T12:00:00Z"), ZoneOffset.UTC);
    private final PbsFakeServer pbs = PbsFakeServer.start();
    private final PbsClient client = PbsFixture.client(pbs);

    @AfterEach
    void close() {
        client.close();
        pbs.close();
        assertThat(pbs.violations()).isEmpty();
    }

    @Test
    void eachGroupHasItsLastBackupLastGoodVerificationFailuresAndWorstGap() {
        pbs.datastore("store1")
                .snapshot("", "vm/100/2026-01-08T00:00:00Z").verified("", "vm/100/2026-01-08T00:00:00Z", "ok")
                .snapshot("", "vm/100/2026-01-09T00:00:00Z").verified("", "vm/100/2026-01-09T00:00:00Z", "failed")
                .snapshot("", "vm/100/2026-01-10T00:00:00Z")
                .snapshot("", "vm/100/2026-01-10T11:00:00Z", false, false)
                .snapshot("", "ct/200/2026-01-05T00:00:00Z").verified("", "ct/200/2026-01-05T00:00:00Z", "ok");

        VerificationReport report = client.datastore("store1").verificationReport(Namespace.root(),
                p -> p.rpoTarget(Duration.ofHours(26)).window(Duration.ofDays(3)).clock(NOW));

        assertThat(report.groups()).extracting(VerificationReport.GroupReport::group).containsExactly("ct/200", "vm/100");
        var vm = report.groups().get(1);
        assertThat(vm.snapshots()).isEqualTo(4);
        assertThat(vm.lastBackupTime()).hasValue(Instant.parse("2026-01-10T00:00:00Z"));
        assertThat(vm.lastVerifiedOkTime()).hasValue(Instant.parse("2026-01-08T00:00:00Z"));
        assertThat(vm.failed()).extracting(SnapshotRef::path).containsExactly("vm/100/2026-01-09T00:00:00Z");
        assertThat(vm.neverVerified()).extracting(SnapshotRef::path).containsExactly("vm/100/2026-01-10T00:00:00Z");
        assertThat(vm.bytes()).isEqualTo(3L << 30);
        // gaps 24h, 24h, then 12h to now; the unfinished one does not count
        assertThat(vm.worstGap()).isEqualTo(Duration.ofHours(24));
        assertThat(vm.rpoMet()).isTrue();
        var ct = report.groups().get(0);
        // its last backup lies before the window: the gap runs from it to now
        assertThat(ct.worstGap()).isEqualTo(Duration.ofDays(5).plusHours(12));
        assertThat(report.rpoMissed()).extracting(VerificationReport.GroupReport::group).containsExactly("ct/200");
    }

    @Test
    void theReportReadsAsTextAndAsJson() {
        pbs.datastore("store1").snapshot("", "vm/100/2026-01-10T06:00:00Z").verified("", "vm/100/2026-01-10T06:00:00Z", "ok");

        VerificationReport report = client.datastore("store1").verificationReport(Namespace.root(),
                p -> p.rpoTarget(Duration.ofDays(4)).window(Duration.ofDays(3)).clock(NOW));

        assertThat(report.text()).contains("vm/100: 1 snapshots, last backup 2026-01-10T06:00:00Z, last verified ok 2026-01-10T06:00:00Z")
                .contains("(RPO met)");
        assertThat(report.toJson()).contains("\"group\":\"vm/100\"", "\"rpoMet\":true", "\"failed\":[]", "\"worstGapSeconds\":21600");
    }

    @Test
    void aGroupWithOnlyAnUnfinishedBackupHasNoLastBackupAndTheWholeWindowAsItsGap() {
        pbs.datastore("store1").snapshot("", "host/web/2026-01-10T11:00:00Z", false, false);

        var g = client.datastore("store1").verificationReport(Namespace.root(), p -> p.window(Duration.ofDays(2)).clock(NOW)).groups().get(0);

        assertThat(g.lastBackupTime()).isEmpty();
        assertThat(g.neverVerified()).isEmpty();
        assertThat(g.worstGap()).isEqualTo(Duration.ofDays(2));
        assertThat(g.rpoMet()).isFalse();
    }

    @Test
    void aPolicyWithoutAPositiveTargetIsRefusedNamingTheField() {
        assertThatThrownBy(() -> ReportPolicy.builder().rpoTarget(Duration.ZERO).build()).isInstanceOf(ValidationException.class)
                .hasMessageContaining("rpoTarget");
    }
}
