package dev.ops.core.retention;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * The cases of Proxmox Backup Server's own prune tests (proxmox-backup, {@code tests/prune.rs}),
 * as data: the same snapshots and options must keep and remove the same snapshots here.
 */
class PbsPruneVectorsTest {

    private static List<RetentionItem> snapshots(String... times) {
        return java.util.Arrays.stream(times).map(t -> RetentionItem.of("host/elsa/" + t, Instant.parse(t)).inGroup("host/elsa")).toList();
    }

    private static List<String> kept(List<RetentionItem> items, UnaryOperator<RetentionPolicy.Builder> policy) {
        RetentionPlan plan = policy.apply(RetentionPolicy.builder().zone("UTC")).build().plan(items, Instant.parse("2030-01-01T00:00:00Z"));
        return plan.kept().stream().map(d -> d.item().id().substring("host/elsa/".length())).sorted().toList();
    }

    private static List<String> removed(List<RetentionItem> items, UnaryOperator<RetentionPolicy.Builder> policy) {
        RetentionPlan plan = policy.apply(RetentionPolicy.builder().zone("UTC")).build().plan(items, Instant.parse("2030-01-01T00:00:00Z"));
        return plan.removed().stream().map(i -> i.id().substring("host/elsa/".length())).sorted().toList();
    }

    @Test
    void keepHourlyKeepsTheNewestOfEachOfTheNewestHours() {
        List<RetentionItem> list = snapshots("2019-11-15T09:39:15Z", "2019-11-15T10:49:15Z", "2019-11-15T10:59:15Z",
                "2019-11-15T11:39:15Z", "2019-11-15T11:49:15Z", "2019-11-15T11:59:15Z");
        assertThat(removed(list, p -> p.keepHourly(3)))
                .containsExactly("2019-11-15T10:49:15Z", "2019-11-15T11:39:15Z", "2019-11-15T11:49:15Z");
        assertThat(kept(list, p -> p.keepHourly(2))).containsExactly("2019-11-15T10:59:15Z", "2019-11-15T11:59:15Z");
    }

    @Test
    void laterRulesSpendNoSlotOnAPeriodAnEarlierRuleKept() {
        List<RetentionItem> list = snapshots("2018-11-15T11:59:15Z", "2019-11-15T11:59:15Z", "2019-11-21T11:59:15Z",
                "2019-11-22T11:59:15Z", "2019-11-29T11:59:15Z", "2019-12-01T11:59:15Z", "2019-12-02T11:59:15Z",
                "2019-12-03T11:59:15Z", "2019-12-04T11:59:15Z");
        assertThat(kept(list, p -> p.keepDaily(1))).containsExactly("2019-12-04T11:59:15Z");
        assertThat(kept(list, p -> p.keepLast(1).keepDaily(1))).containsExactly("2019-12-03T11:59:15Z", "2019-12-04T11:59:15Z");
        assertThat(kept(list, p -> p.keepDaily(1).keepWeekly(1))).containsExactly("2019-12-01T11:59:15Z", "2019-12-04T11:59:15Z");
        // 2019-11-29 shares ISO week 48 with the kept 2019-12-01, so keep-weekly marked it; keep-monthly skips it
        assertThat(kept(list, p -> p.keepDaily(1).keepWeekly(1).keepMonthly(1)))
                .containsExactly("2019-11-22T11:59:15Z", "2019-12-01T11:59:15Z", "2019-12-04T11:59:15Z");
        assertThat(kept(list, p -> p.keepMonthly(1).keepYearly(1))).containsExactly("2018-11-15T11:59:15Z", "2019-12-04T11:59:15Z");
    }

    @Test
    void simpleCasesOfEachRule() {
        List<RetentionItem> list = snapshots("2019-12-02T11:59:15Z", "2019-12-03T11:59:15Z", "2019-12-04T11:59:15Z", "2019-12-04T12:59:15Z");
        String d2 = "2019-12-02T11:59:15Z", d3 = "2019-12-03T11:59:15Z", d4 = "2019-12-04T11:59:15Z", d4b = "2019-12-04T12:59:15Z";
        assertThat(removed(list, p -> p.keepLast(4))).isEmpty();
        assertThat(removed(list, p -> p.keepLast(3))).containsExactly(d2);
        assertThat(removed(list, p -> p.keepLast(2))).containsExactly(d2, d3);
        assertThat(removed(list, p -> p.keepLast(1))).containsExactly(d2, d3, d4);
        assertThat(removed(list, p -> p.keepLast(2).keepDaily(2))).isEmpty();
        assertThat(removed(list, p -> p.keepDaily(3))).containsExactly(d4);
        assertThat(removed(list, p -> p.keepDaily(2))).containsExactly(d2, d4);
        assertThat(removed(list, p -> p.keepWeekly(5))).containsExactly(d2, d3, d4);
        assertThat(removed(list, p -> p.keepDaily(1).keepWeekly(5))).containsExactly(d2, d3, d4);
        assertThat(removed(list, p -> p.keepMonthly(6))).containsExactly(d2, d3, d4);
        assertThat(removed(list, p -> p.keepYearly(7))).containsExactly(d2, d3, d4);
        assertThat(removed(list, p -> p.keepWeekly(5).keepMonthly(6).keepYearly(7))).containsExactly(d2, d3, d4);
        assertThat(kept(list, p -> p.keepWeekly(5))).containsExactly(d4b);
    }
}
