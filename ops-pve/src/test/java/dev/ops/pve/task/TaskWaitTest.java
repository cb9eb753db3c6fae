package dev.ops.pve.task;

import dev.ops.proxmox.task.ProxmoxTask;
import dev.ops.proxmox.task.PollPolicy;
import dev.ops.proxmox.task.TaskOutcome;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import dev.ops.pve.PveClient;
import dev.ops.proxmox.error.ProxmoxTaskFailedException;
import dev.ops.proxmox.error.ProxmoxTaskStillRunningException;
import dev.ops.pve.testing.FakeTime;
import dev.ops.pve.testing.Fakes;
import dev.ops.testkit.pve.PveFakeServer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(20)
class TaskWaitTest {
    private final PveFakeServer pve = Fakes.cluster().vm(101, "pve1").start();
    private final FakeTime time = new FakeTime();
    private final PveClient client = Fakes.clientBuilder(pve).timeSource(time).pollPolicy(PollPolicy.defaults()).build();

    @AfterEach
    void stop() {
        pve.close(); // strict: fails on any request the real API would refuse
    }

    /** Starts a task on the fake (VM 101's start) and returns its UPID. */
    private String newTask() {
        return dev.ops.pve.RawCalls.start(client, "pve1", 101).upid().value();
    }

    @Test
    void anOkTaskIsASuccess() {
        String upid = newTask();
        TaskOutcome out = ProxmoxTask.of(client, upid).await(Duration.ofMinutes(1));
        assertThat(out.state()).isEqualTo(TaskOutcome.State.OK);
        assertThat(out.succeeded()).isTrue();
        assertThat(out.logTail()).isEmpty();
    }

    @Test
    void warningsAreNotAFailure() {
        pve.failNextTask("WARNINGS: 2");
        TaskOutcome out = ProxmoxTask.of(client, newTask()).awaitSuccess(Duration.ofMinutes(1));
        assertThat(out.state()).isEqualTo(TaskOutcome.State.WARNINGS);
        assertThat(out.warnings()).isEqualTo(2);
        assertThat(out.logTail()).contains("WARN: simulated warning");
    }

    @Test
    void aFailedTaskCarriesItsExitStatusAndLogTail() {
        pve.failNextTask("VM 101 already running");
        ProxmoxTask task = ProxmoxTask.of(client, newTask());
        TaskOutcome out = task.await(Duration.ofMinutes(1));
        assertThat(out.state()).isEqualTo(TaskOutcome.State.FAILED);
        assertThat(out.exitStatus()).isEqualTo("VM 101 already running");
        assertThat(out.logTail()).last().isEqualTo("TASK ERROR: VM 101 already running");
        assertThatThrownBy(out::orThrow).isInstanceOf(ProxmoxTaskFailedException.class).hasMessageContaining("VM 101 already running")
                .hasMessageContaining("TASK ERROR");
    }

    @Test
    void aTaskStillRunningAtTheDeadlineIsNotAFailureAndSaysSo() {
        pve.taskReads(Integer.MAX_VALUE);
        TaskOutcome out = ProxmoxTask.of(client, newTask()).await(Duration.ofSeconds(10));
        assertThat(out.state()).isEqualTo(TaskOutcome.State.STILL_RUNNING);
        assertThat(out.succeeded()).isFalse();
        assertThat(time.elapsedSinceStart()).isGreaterThanOrEqualTo(Duration.ofSeconds(10)).isLessThan(Duration.ofSeconds(12));
        assertThatThrownBy(out::orThrow).isInstanceOf(ProxmoxTaskStillRunningException.class).hasMessageContaining("not a failure of the task");
    }

    @Test
    void theOperationDeadlineOutlivesTheRequestTimeout() {
        // A 5 s read timeout, a task that runs for 10 virtual minutes: each poll is a short request of its own.
        PveClient c = Fakes.clientBuilder(pve).timeSource(time).pollPolicy(new PollPolicy(Duration.ofMillis(50), 2, Duration.ofSeconds(30), 0))
                .readTimeout(Duration.ofSeconds(5)).build();
        pve.taskReads(30);
        TaskOutcome out = ProxmoxTask.of(c, newTask()).await(Duration.ofMinutes(15));
        assertThat(out.state()).isEqualTo(TaskOutcome.State.OK);
        assertThat(time.elapsedSinceStart()).isGreaterThan(Duration.ofMinutes(9));
    }

    @Test
    void pollsFastAtFirstThenBacksOffNeverSpinning() {
        pve.taskReads(30);
        ProxmoxTask.of(client, newTask()).await(Duration.ofMinutes(5));
        assertThat(time.sleeps.get(0)).isLessThanOrEqualTo(Duration.ofMillis(60));
        assertThat(time.sleeps).allSatisfy(d -> assertThat(d).isPositive().isLessThanOrEqualTo(Duration.ofMillis(1100)));
        assertThat(time.sleeps.get(10)).isGreaterThan(time.sleeps.get(0).multipliedBy(5));
    }

    /** Serves one task of type qmclone, id 9000, that ends {@code after} (virtual time) from now; returns outcome and lag. */
    private record Run(TaskOutcome outcome, Duration lag) {}

    private Run runTaskEndingAfter(Duration after) {
        return runTaskEndingAfter(after, Duration.ZERO);
    }

    /**
     * As above, each status call taking {@code latency} of virtual time, as a real round trip does. A task that
     * ends at a point of the client's virtual time is what the fake cannot serve (its tasks end by its own clock or
     * by status reads), so a tiny server of this test's answers the polls, over TLS with a pinned certificate.
     */
    private Run runTaskEndingAfter(Duration after, Duration latency) {
        long endAt = time.nanoTime() + after.toNanos();
        String upid = "UPID:pve1:00001234:00C3D4E5:6740AAAA:qmclone:9000:root@pam!ops:";
        statusServer.setDispatcher(new mockwebserver3.Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest r) {
                time.advance(latency);
                boolean running = time.nanoTime() < endAt;
                return new MockResponse.Builder().setHeader("Content-Type", "application/json").body(running
                        ? "{\"data\":{\"status\":\"running\",\"upid\":\"" + upid + "\"}}"
                        : "{\"data\":{\"status\":\"stopped\",\"exitstatus\":\"OK\",\"upid\":\"" + upid + "\"}}").build();
            }
        });
        TaskOutcome out = ProxmoxTask.of(statusClient, upid).await(Duration.ofMinutes(1));
        return new Run(out, Duration.ofNanos(time.nanoTime() - endAt));
    }

    private static final HeldCertificate STATUS_CERT = new HeldCertificate.Builder().addSubjectAlternativeName("127.0.0.1").build();
    private final MockWebServer statusServer = startStatusServer();
    private final PveClient statusClient = PveClient.builder().baseUrl(statusServer.url("/").toString()).name("lab")
            .pinnedCertificate(dev.ops.proxmox.internal.Tls.fingerprint(STATUS_CERT.certificate()))
            .apiToken("root@pam", "ops", dev.ops.core.secret.Secret.of(Fakes.TOKEN_SECRET)).timeSource(time)
            .pollPolicy(PollPolicy.defaults()).readTimeout(Duration.ofSeconds(5)).build();

    private static MockWebServer startStatusServer() {
        MockWebServer s = new MockWebServer();
        // The fake's sockets (TCP_NODELAY, one segment per answer): MockWebServer's own cost 40 ms a poll.
        s.setServerSocketFactory(new dev.ops.testkit.pve.internal.AcceptedSocketFactory());
        s.useHttps(new HandshakeCertificates.Builder().heldCertificate(STATUS_CERT).build().sslSocketFactory());
        try {
            s.start(java.net.InetAddress.getLoopbackAddress(), 0);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return s;
    }

    @AfterEach
    void stopStatusServer() throws java.io.IOException {
        statusClient.close();
        statusServer.close();
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
        pve.taskReads(1000); // running, its worker still writing
        String upid = newTask();
        for (int i = 0; i < 50; i++) {
            pve.appendTaskLog(upid, "line " + i);
        }
        List<String> tail = ProxmoxTask.of(client, upid).logTail(3);
        assertThat(tail).containsExactly("line 47", "line 48", "line 49");
    }
}
