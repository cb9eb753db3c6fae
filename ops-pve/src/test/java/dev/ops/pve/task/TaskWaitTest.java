package dev.ops.pve.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ops.pve.PveClient;
import dev.ops.pve.error.PveTaskFailedException;
import dev.ops.pve.error.PveTaskStillRunningException;
import dev.ops.pve.testing.FakeTime;
import dev.ops.pve.testing.MiniPve;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(20)
class TaskWaitTest {
    private final MiniPve pve = MiniPve.start();
    private final FakeTime time = new FakeTime();
    private final PveClient client = pve.clientBuilder().timeSource(time).pollPolicy(PollPolicy.defaults()).build();

    @AfterEach
    void stop() {
        assertThat(pve.schemaProblems()).isEmpty();
        pve.close();
    }

    @Test
    void anOkTaskIsASuccess() {
        String upid = pve.newTask("pve1", "qmstart", "101");
        TaskOutcome out = PveTask.of(client, upid).await(Duration.ofMinutes(1));
        assertThat(out.state()).isEqualTo(TaskOutcome.State.OK);
        assertThat(out.succeeded()).isTrue();
        assertThat(out.logTail()).isEmpty();
    }

    @Test
    void warningsAreNotAFailure() {
        pve.taskExit = "WARNINGS: 2";
        TaskOutcome out = PveTask.of(client, pve.newTask("pve1", "vzdump", "101")).awaitSuccess(Duration.ofMinutes(1));
        assertThat(out.state()).isEqualTo(TaskOutcome.State.WARNINGS);
        assertThat(out.warnings()).isEqualTo(2);
        assertThat(out.logTail()).contains("WARN: something odd");
    }

    @Test
    void aFailedTaskCarriesItsExitStatusAndLogTail() {
        pve.taskExit = "VM 101 already running";
        PveTask task = PveTask.of(client, pve.newTask("pve1", "qmstart", "101"));
        TaskOutcome out = task.await(Duration.ofMinutes(1));
        assertThat(out.state()).isEqualTo(TaskOutcome.State.FAILED);
        assertThat(out.exitStatus()).isEqualTo("VM 101 already running");
        assertThat(out.logTail()).last().isEqualTo("TASK ERROR: VM 101 already running");
        assertThatThrownBy(out::orThrow).isInstanceOf(PveTaskFailedException.class).hasMessageContaining("VM 101 already running")
                .hasMessageContaining("TASK ERROR");
    }

    @Test
    void aTaskStillRunningAtTheDeadlineIsNotAFailureAndSaysSo() {
        pve.taskRunningPolls = Integer.MAX_VALUE;
        TaskOutcome out = PveTask.of(client, pve.newTask("pve1", "qmclone", "9000")).await(Duration.ofSeconds(10));
        assertThat(out.state()).isEqualTo(TaskOutcome.State.STILL_RUNNING);
        assertThat(out.succeeded()).isFalse();
        assertThat(time.elapsedSinceStart()).isGreaterThanOrEqualTo(Duration.ofSeconds(10)).isLessThan(Duration.ofSeconds(12));
        assertThatThrownBy(out::orThrow).isInstanceOf(PveTaskStillRunningException.class).hasMessageContaining("not a failure of the task");
    }

    @Test
    void theOperationDeadlineOutlivesTheRequestTimeout() {
        // A 5 s read timeout, a task that runs for 10 virtual minutes: each poll is a short request of its own.
        PveClient c = pve.clientBuilder().timeSource(time).pollPolicy(new PollPolicy(Duration.ofMillis(50), 2, Duration.ofSeconds(30), 0))
                .readTimeout(Duration.ofSeconds(5)).build();
        pve.taskRunningPolls = 30;
        TaskOutcome out = PveTask.of(c, pve.newTask("pve1", "qmclone", "9000")).await(Duration.ofMinutes(15));
        assertThat(out.state()).isEqualTo(TaskOutcome.State.OK);
        assertThat(time.elapsedSinceStart()).isGreaterThan(Duration.ofMinutes(9));
    }

    @Test
    void pollsFastAtFirstThenBacksOffNeverSpinning() {
        pve.taskRunningPolls = 30;
        PveTask.of(client, pve.newTask("pve1", "qmclone", "9000")).await(Duration.ofMinutes(5));
        assertThat(time.sleeps.get(0)).isLessThanOrEqualTo(Duration.ofMillis(60));
        assertThat(time.sleeps).allSatisfy(d -> assertThat(d).isPositive().isLessThanOrEqualTo(Duration.ofMillis(1100)));
        assertThat(time.sleeps.get(10)).isGreaterThan(time.sleeps.get(0).multipliedBy(5));
    }

    /** Serves one task of type qmclone, id 9000, that ends {@code after} (virtual time) from now; returns outcome and lag. */
    private record Run(TaskOutcome outcome, Duration lag) {}

    private Run runTaskEndingAfter(Duration after) {
        return runTaskEndingAfter(after, Duration.ZERO);
    }

    /** As above, each status call taking {@code latency} of virtual time, as a real round trip does. */
    private Run runTaskEndingAfter(Duration after, Duration latency) {
        long endAt = time.nanoTime() + after.toNanos();
        String upid = pve.newTask("pve1", "qmclone", "9000");
        pve.server.setDispatcher(new okhttp3.mockwebserver.Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest r) {
                time.advance(latency);
                boolean running = time.nanoTime() < endAt;
                return MiniPve.ok(running ? Map.of("status", "running", "upid", upid) : Map.of("status", "stopped", "exitstatus", "OK", "upid", upid));
            }
        });
        TaskOutcome out = PveTask.of(client, upid).await(Duration.ofMinutes(1));
        return new Run(out, Duration.ofNanos(time.nanoTime() - endAt));
    }

    @Test
    void aFiveSecondTaskTakesAtMostFifteenPolls() {
        Run run = runTaskEndingAfter(Duration.ofSeconds(5));
        assertThat(run.outcome().state()).isEqualTo(TaskOutcome.State.OK);
        assertThat(run.outcome().polls()).isLessThanOrEqualTo(15);
    }

    @Test
    void aRepeatedTaskIsSeenEndingSoonWithFewPolls() {
        runTaskEndingAfter(Duration.ofSeconds(5));
        for (int i = 0; i < 3; i++) {
            Run run = runTaskEndingAfter(Duration.ofMillis(4900 + 100 * i));
            assertThat(run.outcome().polls()).isLessThanOrEqualTo(12);
            // The first was seen up to a jittered second late: the next wait polls that second in
            // eighths; from then on the range is narrow.
            assertThat(run.lag()).isLessThan(Duration.ofMillis(i == 0 ? 140 : 100));
        }
    }

    @Test
    void afterOneLongerTaskTheNextOnesOfTheNewLengthAreSeenSoon() {
        // Wherever the first longer task's end falls between two polls, what it teaches about the
        // length must not send the next one's polls past its end.
        for (long[] lengths : new long[][] {{200, 1000}, {1000, 5000}}) {
            for (int offset = 0; offset <= 400; offset += 8) {
                for (int i = 0; i < 5; i++) {
                    runTaskEndingAfter(Duration.ofMillis(lengths[0]), Duration.ofMillis(2));
                }
                Duration length = Duration.ofMillis(lengths[1] + offset);
                runTaskEndingAfter(length, Duration.ofMillis(2));

                Run second = runTaskEndingAfter(length, Duration.ofMillis(2));
                Run third = runTaskEndingAfter(length, Duration.ofMillis(2));

                // The first was seen up to a second late (the longest poll interval): the second wait
                // polls that second in eighths, and the third the eighth the second ended in, in steps
                // of 2% of the length.
                assertThat(second.lag()).as("a second %s task after %s ms ones", length, lengths[0]).isLessThanOrEqualTo(Duration.ofMillis(130));
                assertThat(third.lag()).as("a third %s task after %s ms ones", length, lengths[0]).isLessThanOrEqualTo(Duration.ofMillis(Math.max(60, lengths[1] / 50 + 10)));
                assertThat(List.of(second.outcome().polls(), third.outcome().polls())).allSatisfy(n -> assertThat(n).isLessThanOrEqualTo(14));
            }
        }
    }

    @Test
    void aTaskFarLongerThanExpectedFallsBackToBackoff() {
        runTaskEndingAfter(Duration.ofSeconds(1));
        Run run = runTaskEndingAfter(Duration.ofSeconds(20));
        assertThat(run.outcome().state()).isEqualTo(TaskOutcome.State.OK);
        assertThat(run.outcome().polls()).isLessThanOrEqualTo(40);
        assertThat(time.sleeps).allSatisfy(d -> assertThat(d).isPositive().isLessThanOrEqualTo(Duration.ofMillis(1100)));
    }

    @Test
    void readsTheLogTailFromTheEnd() {
        String upid = pve.newTask("pve1", "vzdump", "101");
        var t = pve.tasks.get(upid);
        for (int i = 0; i < 50; i++) {
            t.log.add("line " + i);
        }
        List<String> tail = PveTask.of(client, upid).logTail(3);
        assertThat(tail).containsExactly("line 47", "line 48", "line 49");
    }
}
