package dev.ops.sys.window;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ops.core.error.ValidationException;
import dev.ops.core.error.Violation;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class CronScheduleTest {
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    private static LocalDateTime t(String s) {
        return LocalDateTime.parse(s);
    }

    @Test
    void fieldsWithDigitsOfOtherScriptsOrASignAreRefused() {
        for (String bad : new String[] {"\u0665 * * * *", "*/\u0665 * * * *", "0 \u0967-3 * * *", "0 0 \uFF11 * *", "+5 * * * *", "*/+5 * * * *"}) {
            assertThatThrownBy(() -> CronSchedule.parse(bad)).as(bad).isInstanceOf(ValidationException.class);
        }
    }

    @Test
    void namedDaysAndMonthsWork() {
        assertThat(CronSchedule.parse("30 1 * * SAT").nextLocal(t("2026-03-06T12:00"))).contains(t("2026-03-07T01:30"));
        assertThat(CronSchedule.parse("0 3 1 jan,Jul *").nextLocal(t("2026-03-06T12:00"))).contains(t("2026-07-01T03:00"));
    }

    @Test
    void stepsRangesAndListsWork() {
        CronSchedule s = CronSchedule.parse("*/20 8-10/2 * * 1-5");

        assertThat(s.nextLocal(t("2026-03-06T08:45"))).contains(t("2026-03-06T10:00"));
        assertThat(s.nextLocal(t("2026-03-06T10:40"))).contains(t("2026-03-09T08:00"));
    }

    @Test
    void sundayIsZeroOrSeven() {
        assertThat(CronSchedule.parse("0 0 * * 7").nextLocal(t("2026-03-06T00:00"))).contains(t("2026-03-08T00:00"));
        assertThat(CronSchedule.parse("0 0 * * 0").nextLocal(t("2026-03-06T00:00"))).contains(t("2026-03-08T00:00"));
    }

    @Test
    void restrictedDayOfMonthAndDayOfWeekMatchEither() {
        CronSchedule s = CronSchedule.parse("0 0 1 * MON");

        assertThat(s.nextLocal(t("2026-03-26T00:00"))).contains(t("2026-03-30T00:00"));
        assertThat(s.nextLocal(t("2026-03-30T00:00"))).contains(t("2026-04-01T00:00"));
    }

    @Test
    void macrosExpand() {
        assertThat(CronSchedule.parse("@weekly").nextLocal(t("2026-03-06T12:00"))).contains(t("2026-03-08T00:00"));
        assertThat(CronSchedule.parse("@monthly").nextLocal(t("2026-03-06T12:00"))).contains(t("2026-04-01T00:00"));
    }

    @Test
    void leapDaysAreFoundAndImpossibleDatesNeverFire() {
        assertThat(CronSchedule.parse("0 0 29 2 *").nextLocal(t("2026-03-01T00:00"))).contains(t("2028-02-29T00:00"));
        assertThat(CronSchedule.parse("0 0 30 2 *").nextLocal(t("2026-03-01T00:00"))).isEmpty();
    }

    @Test
    void aLocalTimeInADaylightSavingGapFiresAfterTheGap() {
        ZonedDateTime next = CronSchedule.parse("30 2 * * *").next(ZonedDateTime.parse("2026-03-29T00:00+01:00[Europe/Berlin]"), BERLIN).orElseThrow();

        assertThat(next.toInstant()).isEqualTo(java.time.Instant.parse("2026-03-29T01:30:00Z"));
    }

    @Test
    void everyBadFieldIsListed() {
        assertThatThrownBy(() -> CronSchedule.parse("61 25 0 13 8"))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations()).extracting(Violation::field)
                        .containsExactly("minute", "hour", "dayOfMonth", "month", "dayOfWeek"));
        assertThatThrownBy(() -> CronSchedule.parse("* * *")).isInstanceOf(ValidationException.class).hasMessageContaining("5 fields");
        assertThatThrownBy(() -> CronSchedule.parse("*/0 * * * *")).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> CronSchedule.parse("5-1 * * * *")).isInstanceOf(ValidationException.class);
    }

    @Provide
    Arbitrary<String> schedules() {
        Arbitrary<String> minute = Arbitraries.of("*", "0", "*/15", "5,35", "10-20/5", "59");
        Arbitrary<String> hour = Arbitraries.of("*", "0", "*/6", "2-4", "23", "1,13");
        Arbitrary<String> dom = Arbitraries.of("*", "1", "15", "1-10", "*/3");
        Arbitrary<String> dow = Arbitraries.of("*", "MON", "1-5", "0,6", "SAT");
        return Combinators.combine(minute, hour, dom, dow).as((m, h, d, w) -> m + " " + h + " " + d + " * " + w);
    }

    @Property(tries = 200)
    void nextIsTheFirstMatchingMinuteAfterTheStart(@ForAll("schedules") String expression,
            @ForAll("starts") LocalDateTime start) {
        CronSchedule s = CronSchedule.parse(expression);

        LocalDateTime next = s.nextLocal(start).orElseThrow();

        assertThat(next).isAfter(start);
        assertThat(s.matches(next)).isTrue();
        for (LocalDateTime m = start.withSecond(0).withNano(0).plusMinutes(1); m.isBefore(next); m = m.plusMinutes(1)) {
            assertThat(s.matches(m)).as("%s matches earlier at %s", expression, m).isFalse();
        }
    }

    @Provide
    Arbitrary<LocalDateTime> starts() {
        return Arbitraries.longs().between(0, 60L * 24 * 365 * 2).map(m -> LocalDateTime.of(2026, 1, 1, 0, 0).plusMinutes(m).plusSeconds(m % 60));
    }

    @Test
    void matchesIgnoresSeconds() {
        assertThat(CronSchedule.parse("15 10 * * *").matches(t("2026-03-06T10:15:42"))).isTrue();
        assertThat(CronSchedule.parse("15 10 * * *").matches(t("2026-03-06T10:16"))).isFalse();
        assertThat(List.of(CronSchedule.parse("@daily"))).containsExactly(CronSchedule.parse("@daily"));
    }
}
