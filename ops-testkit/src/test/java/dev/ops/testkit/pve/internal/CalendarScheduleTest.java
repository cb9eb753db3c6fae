package dev.ops.testkit.pve.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

/** When a Proxmox schedule next comes due, as the fakes' schedulers read it. */
class CalendarScheduleTest {
    private static final ZoneId UTC = ZoneId.of("UTC");
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    private static ZonedDateTime at(String local, ZoneId zone) {
        return java.time.LocalDateTime.parse(local).atZone(zone);
    }

    private static String next(String event, String after, ZoneId zone) {
        return CalendarSchedule.parse(event).next(at(after, zone)).map(t -> t.toLocalDateTime().toString()).orElse("never");
    }

    @Test
    void keywordsComeDueAtTheStartOfTheirPeriod() {
        assertThat(next("daily", "2026-12-06T20:15", UTC)).isEqualTo("2026-12-07T00:00");
        assertThat(next("hourly", "2026-12-06T20:15", UTC)).isEqualTo("2026-12-06T21:00");
        assertThat(next("weekly", "2026-12-06T20:15", UTC)).as("Monday").isEqualTo("2026-12-07T00:00");
        assertThat(next("monthly", "2026-12-06T20:15", UTC)).isEqualTo("2027-01-01T00:00");
        assertThat(next("quarterly", "2027-01-01T00:00", UTC)).as("strictly after").isEqualTo("2027-04-01T00:00");
    }

    @Test
    void weekdaysRangesListsAndRepetitions() {
        assertThat(next("mon..fri 02:30", "2026-12-04T03:00", UTC)).as("Friday 03:00 -> Monday").isEqualTo("2026-12-07T02:30");
        assertThat(next("sat 18:15", "2026-12-06T20:15", UTC)).isEqualTo("2026-12-12T18:15");
        assertThat(next("*:0/15", "2026-12-06T20:15", UTC)).isEqualTo("2026-12-06T20:30");
        assertThat(next("0/2:00", "2026-12-06T20:15", UTC)).isEqualTo("2026-12-06T22:00");
        assertThat(next("mon..fri 8..17,22:0/15", "2026-12-07T17:50", UTC)).isEqualTo("2026-12-07T22:00");
        assertThat(next("*-*-01 05:00", "2026-12-06T20:15", UTC)).isEqualTo("2027-01-01T05:00");
        assertThat(next("2027-06-15 12:00", "2026-12-06T20:15", UTC)).isEqualTo("2027-06-15T12:00");
        assertThat(next("5", "2026-12-06T20:15", UTC)).as("a single field is the minute of every hour").isEqualTo("2026-12-06T21:05");
    }

    @Test
    void aScheduleThatNeverComesDueSaysSo() {
        assertThat(next("*-02-30 00:00", "2026-12-06T20:15", UTC)).isEqualTo("never");
    }

    @Test
    void theHostsTimeZoneDecidesAndATimeADaylightSavingGapSkipsComesDueAfterIt() {
        assertThat(CalendarSchedule.parse("02:00").next(at("2026-12-06T20:15", BERLIN)).orElseThrow().toInstant())
                .hasToString("2026-12-07T01:00:00Z");
        // 2026-03-29 02:30 does not exist in Berlin: the clock goes from 02:00 CET to 03:00 CEST
        assertThat(CalendarSchedule.parse("02:30").next(at("2026-03-29T01:00", BERLIN)).orElseThrow().toInstant())
                .hasToString("2026-03-29T01:30:00Z");
    }

    @Test
    void anEventTheSchemaCheckRefusesIsRefused() {
        assertThatThrownBy(() -> CalendarSchedule.parse("every tuesday")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unable to parse calendar event");
    }
}
