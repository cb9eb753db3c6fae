package dev.ops.proxmox.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;

/** The polling schedule, simulated: how many polls a task of a given length takes and how late its end is seen. */
class PollScheduleTest {

    private record Seen(int polls, long lagMillis) {}

    private static List<TaskDurations.Window> exactly(Duration... lengths) {
        return java.util.Arrays.stream(lengths).map(TaskDurations.Window::exactly).toList();
    }

    private static Seen simulate(ProxmoxTask.Schedule schedule, long taskNanos) {
        long elapsed = 0;
        int polls = 0;
        while (true) {
            elapsed += schedule.next(polls, elapsed);
            polls++;
            if (elapsed >= taskNanos) {
                return new Seen(polls, (elapsed - taskNanos) / 1_000_000);
            }
        }
    }

    @Property(tries = 200)
    void aTaskLikeRecentOnesIsSeenWithinAStepOfItsEndInAFewPolls(@ForAll @LongRange(min = 100, max = 20_000) long millis) {
        long nanos = Duration.ofMillis(millis).toNanos();
        var schedule = new ProxmoxTask.Schedule(PollPolicy.defaults(), exactly(
                Duration.ofMillis(millis * 98 / 100), Duration.ofMillis(millis * 101 / 100), Duration.ofMillis(millis)));

        Seen seen = simulate(schedule, nanos);

        assertThat(seen.lagMillis()).isLessThanOrEqualTo(Math.max(50, millis / 50));
        assertThat(seen.polls()).isLessThanOrEqualTo(6 + (int) (millis / 2000));
    }

    @Property(tries = 200)
    void anUnknownTaskIsPolledFastAtFirstThenLessOftenButNeverSpins(@ForAll @LongRange(min = 10, max = 60_000) long millis) {
        Seen seen = simulate(new ProxmoxTask.Schedule(PollPolicy.defaults(), List.of()), Duration.ofMillis(millis).toNanos());

        assertThat(seen.lagMillis()).isLessThanOrEqualTo(1100);
        assertThat(seen.polls()).isLessThanOrEqualTo(12 + (int) (millis / 900));
    }

    @Property(tries = 100)
    void aTaskMuchLongerThanRecentOnesStillEndsUpPolledWithGrowingIntervals(@ForAll @LongRange(min = 3_000, max = 30_000) long millis) {
        var schedule = new ProxmoxTask.Schedule(PollPolicy.defaults(), exactly(Duration.ofMillis(200), Duration.ofSeconds(1)));

        Seen seen = simulate(schedule, Duration.ofMillis(millis).toNanos());

        assertThat(seen.lagMillis()).isLessThanOrEqualTo(1100);
        assertThat(seen.polls()).isLessThanOrEqualTo(10 + (int) (millis / 900));
    }

    @Property(tries = 50)
    void aFiveSecondTaskAfterShorterOnesTakesAtMostThirteenPollsLeavingRoomForLateAnswers(@ForAll @LongRange(min = 4_900, max = 5_100) long millis) {
        var schedule = new ProxmoxTask.Schedule(PollPolicy.defaults(), exactly(Duration.ofSeconds(1), Duration.ofSeconds(1),
                Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(1)));

        assertThat(simulate(schedule, Duration.ofMillis(millis).toNanos()).polls()).isLessThanOrEqualTo(13);
    }
}
