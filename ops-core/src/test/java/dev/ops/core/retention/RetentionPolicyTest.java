package dev.ops.core.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ops.core.error.ValidationException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a retention policy accepts, and what each of its rules beyond PBS's keeps does. */
class RetentionPolicyTest {
    private static final Instant NOW = Instant.parse("2024-06-30T12:00:00Z");

    private static RetentionItem daysAgo(String id, int days) {
        return RetentionItem.of(id, NOW.minus(Duration.ofDays(days)));
    }

    @Test
    void aKeepBelowOneIsRefusedNamingTheField() {
        assertThatThrownBy(() -> RetentionPolicy.builder().zone("UTC").keepDaily(0).keepLast(-1).build())
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.violationsOf("keepDaily")).singleElement().satisfies(v -> assertThat(v.message()).contains("keep-daily must be at least 1"));
                    assertThat(e.violationsOf("keepLast")).hasSize(1);
                });
    }

    @Test
    void ofTwoSnapshotsMadeInTheSameSecondTheOneMadeLaterIsTheNewestWhateverTheirNames() {
        Instant second = NOW.minus(Duration.ofHours(1));
        RetentionItem made1st = RetentionItem.of("tank/a@new", second).ordered(1);
        RetentionItem made2nd = RetentionItem.of("tank/a@old", second).ordered(2);

        RetentionPlan plan = RetentionPolicy.builder().zone("UTC").keepLast(1).build().plan(List.of(made1st, made2nd), NOW);

        assertThat(plan.removed()).containsExactly(made1st);
        assertThat(RetentionPolicy.builder().zone("UTC").keepLast(1).build()
                .plan(List.of(RetentionItem.of("tank/a@new", second), RetentionItem.of("tank/a@old", second)), NOW).removed())
                .as("without an order, ids break the tie as before").extracting(RetentionItem::id).containsExactly("tank/a@new");
    }

    @Test
    void anUnknownTimeZoneIsRefusedNamingTheField() {
        assertThatThrownBy(() -> RetentionPolicy.builder().zone("Mars/Olympus_Mons").keepDaily(1).build())
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.violationsOf("zone")).singleElement().satisfies(v -> assertThat(v.message()).contains("Mars/Olympus_Mons")));
    }

    @Test
    void limitsBelowOneAndANegativeMinimumAgeAreRefusedTogether() {
        assertThatThrownBy(() -> RetentionPolicy.builder().zone("UTC").maxAgeDays(0).maxSnapshotsPerGroup(0).minimumAge(Duration.ofHours(-1)).build())
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations()).extracting(v -> v.field())
                        .containsExactly("maxAgeDays", "maxSnapshotsPerGroup", "minimumAge"));
    }

    @Test
    void withoutAKeepRuleEverythingIsKept() {
        RetentionPlan plan = RetentionPolicy.builder().zone("UTC").build().plan(List.of(daysAgo("a", 1), daysAgo("b", 400)), NOW);
        assertThat(plan.removed()).isEmpty();
        assertThat(plan.kept()).extracting(RetentionDecision::reason).containsOnly(RetentionReason.NO_KEEP_RULE);
    }

    @Test
    void protectedSnapshotsAreKeptAndNotCounted() {
        RetentionPlan plan = RetentionPolicy.builder().zone("UTC").keepLast(1).build()
                .plan(List.of(daysAgo("new", 1).protect(), daysAgo("mid", 2), daysAgo("old", 3)), NOW);
        assertThat(plan.render()).isEqualTo("keep new (protected)\nkeep mid (keep-last " + NOW.minus(Duration.ofDays(2)) + ")\nremove old (not selected)");
    }

    @Test
    void aPinnedSafetySnapshotIsKeptAndSaysWhy() {
        RetentionPlan plan = RetentionPolicy.builder().zone("UTC").keepLast(1).build()
                .plan(List.of(daysAgo("new", 1), daysAgo("safety", 2).pinnedBy("journal 42 can still roll back to it")), NOW);
        assertThat(plan.removed()).isEmpty();
        assertThat(plan.decisions().get(1).render()).isEqualTo("keep safety (pinned: journal 42 can still roll back to it)");
    }

    @Test
    void maxAgeRemovesWhatTheKeepRulesKeptWhenOlder() {
        RetentionPlan plan = RetentionPolicy.builder().zone("UTC").keepDaily(10).maxAgeDays(7).build()
                .plan(List.of(daysAgo("a", 1), daysAgo("b", 6), daysAgo("c", 8)), NOW);
        assertThat(plan.removed()).extracting(RetentionItem::id).containsExactly("c");
        assertThat(plan.decisions().get(2).reason()).isEqualTo(RetentionReason.MAX_AGE);
    }

    @Test
    void maxCountKeepsTheNewestPerGroupAndIgnoresProtected() {
        RetentionPlan plan = RetentionPolicy.builder().zone("UTC").maxSnapshotsPerGroup(2).build()
                .plan(List.of(daysAgo("a", 1), daysAgo("p", 2).protect(), daysAgo("b", 3), daysAgo("c", 4),
                        daysAgo("x", 5).inGroup("other")), NOW);
        assertThat(plan.removed()).extracting(RetentionItem::id).containsExactly("c");
        assertThat(plan.group("other")).singleElement().satisfies(d -> assertThat(d.keeps()).isTrue());
    }

    @Test
    void theMinimumAgeKeepsBackWhatWouldGo() {
        RetentionPlan plan = RetentionPolicy.builder().zone("UTC").keepLast(1).minimumAge(Duration.ofDays(2)).build()
                .plan(List.of(RetentionItem.of("a", NOW.minusSeconds(60)), RetentionItem.of("b", NOW.minusSeconds(3600)), daysAgo("c", 3)), NOW);
        assertThat(plan.decisions()).extracting(RetentionDecision::reason)
                .containsExactly(RetentionReason.KEEP_LAST, RetentionReason.MINIMUM_AGE, RetentionReason.NOT_SELECTED);
    }

    @Test
    void theNewestUnfinishedIsKeptOnlyWhileNoFinishedOneIsNewer() {
        RetentionPlan plan = RetentionPolicy.builder().zone("UTC").keepLast(1).build()
                .plan(List.of(daysAgo("running", 1).unfinished(), daysAgo("done", 2), daysAgo("broken", 3).unfinished()), NOW);
        assertThat(plan.decisions()).extracting(RetentionDecision::reason)
                .containsExactly(RetentionReason.NEWEST_UNFINISHED, RetentionReason.KEEP_LAST, RetentionReason.UNFINISHED);
    }

    @Test
    void aDuplicateIdInAGroupIsRefused() {
        RetentionPolicy p = RetentionPolicy.builder().zone("UTC").keepLast(1).build();
        assertThatThrownBy(() -> p.plan(List.of(daysAgo("a", 1), daysAgo("a", 2)), NOW))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violationsOf("items")).hasSize(1));
    }

    @Test
    void periodsAreTakenInThePolicysTimeZone() {
        // 21:30 and 22:30 UTC on 1 May are one day in UTC, but 23:30 on 1 May and 00:30 on 2 May in Berlin
        List<RetentionItem> items = List.of(RetentionItem.of("late", Instant.parse("2024-05-01T22:30:00Z")),
                RetentionItem.of("early", Instant.parse("2024-05-01T21:30:00Z")));
        RetentionPlan utc = RetentionPolicy.builder().zone("UTC").keepDaily(5).build().plan(items, NOW);
        assertThat(utc.removed()).extracting(RetentionItem::id).containsExactly("early");
        RetentionPlan berlin = RetentionPolicy.builder().zone("Europe/Berlin").keepDaily(5).build().plan(items, NOW);
        assertThat(berlin.removed()).isEmpty();
        assertThat(berlin.kept()).extracting(RetentionDecision::period).containsExactly("2024/05/02", "2024/05/01");
    }

    @Test
    void weeksAreIsoWeeksOfTheWeekBasedYear() {
        // 2020-12-31 and 2021-01-03 are both in ISO week 2020/53; 2021-01-04 starts 2021/01
        List<RetentionItem> items = List.of(RetentionItem.of("thu", Instant.parse("2020-12-31T12:00:00Z")),
                RetentionItem.of("sun", Instant.parse("2021-01-03T12:00:00Z")), RetentionItem.of("mon", Instant.parse("2021-01-04T12:00:00Z")));
        RetentionPlan plan = RetentionPolicy.builder().zone("UTC").keepWeekly(5).build().plan(items, NOW);
        assertThat(plan.render()).isEqualTo("keep mon (keep-weekly 2021/01)\nkeep sun (keep-weekly 2020/53)\nremove thu (not selected)");
    }
}
