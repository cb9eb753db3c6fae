package dev.ops.core.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ops.core.error.CommandFailedException;
import dev.ops.core.error.ValidationException;
import dev.ops.core.host.Command;
import dev.ops.core.host.CommandResult;
import dev.ops.core.host.Host;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class FleetTest {

    /** A host whose commands are answered by a function. */
    private record FakeHost(String name, Function<Command, CommandResult> answer) implements Host {
        @Override
        public CommandResult run(Command command) {
            return answer.apply(command);
        }
    }

    private static FakeHost answering(String name, String out) {
        return new FakeHost(name, c -> new CommandResult(name, c.render(), 0, out.getBytes(), new byte[0], Duration.ZERO, false));
    }

    @Test
    void returnsATypedResultPerHostInTheOrderGiven() {
        List<Host> hosts = IntStream.range(0, 20).<Host>mapToObj(i -> answering("h" + i, "kernel-" + i)).toList();

        FleetResult<String> r = Fleet.of(hosts).run(h -> h.output("uname", "-r"));

        assertThat(r.allOk()).isTrue();
        assertThat(r.results()).extracting(HostResult::host).containsExactlyElementsOf(hosts.stream().map(Host::name).toList());
        assertThat(r.values()).containsEntry("h7", "kernel-7");
    }

    @Test
    void aFailingHostFailsOnlyItself() {
        FakeHost bad = new FakeHost("bad", c -> new CommandResult("bad", c.render(), 2, new byte[0], "no".getBytes(), Duration.ZERO, false));
        List<Host> hosts = List.of(answering("a", "1"), bad, answering("c", "3"));

        FleetResult<String> r = Fleet.of(hosts).run(h -> h.output("x"));

        assertThat(r.successes()).extracting(HostResult::host).containsExactly("a", "c");
        assertThat(r.of("bad")).isInstanceOfSatisfying(HostResult.Failure.class,
                f -> assertThat(f.error()).isInstanceOf(CommandFailedException.class));
        assertThat(r.summary()).startsWith("2 ok, 1 failed");
    }

    @Test
    void aHangingHostTimesOutWithoutStallingTheOthers() {
        FakeHost hanging = new FakeHost("hang", c -> {
            try {
                Thread.sleep(60_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            throw new IllegalStateException("woke up");
        });
        List<Host> hosts = List.of(answering("a", "1"), hanging, answering("c", "3"));
        long start = System.nanoTime();

        FleetResult<String> r = Fleet.of(hosts).perHostTimeout(Duration.ofMillis(300)).run(h -> h.output("x"));

        assertThat(r.of("hang")).isInstanceOf(HostResult.TimedOut.class);
        assertThat(r.successes()).hasSize(2);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void theOverallDeadlineEndsTheRunAndReportsUnfinishedHostsAsTimedOut() {
        List<Host> hosts = IntStream.range(0, 4).<Host>mapToObj(i -> new FakeHost("slow" + i, c -> {
            try {
                Thread.sleep(20_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return null;
        })).toList();

        FleetResult<String> r = Fleet.of(hosts).deadline(Duration.ofMillis(300)).run(h -> h.output("x"));

        assertThat(r.results()).allSatisfy(res -> assertThat(res).isInstanceOf(HostResult.TimedOut.class));
        assertThat(r.elapsed()).isLessThan(Duration.ofSeconds(10));
    }

    /** Sleeps without giving in to interruption: the cleanup a host's call may do once it is cancelled. */
    private static void windDown(long millis) {
        long end = System.nanoTime() + millis * 1_000_000;
        boolean interrupted = false;
        while (System.nanoTime() < end) {
            try {
                Thread.sleep(Math.max(1, (end - System.nanoTime()) / 1_000_000));
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** A host whose command hangs until interrupted, then takes a while to release what it holds. */
    private static FakeHost hangingThenWindingDown(String name, AtomicBoolean released) {
        return new FakeHost(name, c -> {
            try {
                Thread.sleep(60_000);
            } catch (InterruptedException e) {
                windDown(300);
                released.set(true);
                Thread.currentThread().interrupt();
            }
            throw new IllegalStateException("cancelled");
        });
    }

    @Test
    void aHostPastItsTimeoutIsCancelledAndHasReleasedItsWorkWhenTheRunReturns() {
        AtomicBoolean released = new AtomicBoolean();
        List<Host> hosts = List.of(answering("a", "1"), hangingThenWindingDown("hang", released));

        FleetResult<String> r = Fleet.of(hosts).perHostTimeout(Duration.ofMillis(200)).run(h -> h.output("x"));

        assertThat(released).as("the late host's call ended before run() returned").isTrue();
        assertThat(r.of("hang")).isInstanceOfSatisfying(HostResult.TimedOut.class, t -> assertThat(t.stopped()).isTrue());
        assertThat(r.of("a").ok()).isTrue();
    }

    @Test
    void aCancelledHostKeepsItsSlotUntilItsCallHasEnded() {
        AtomicBoolean released = new AtomicBoolean();
        AtomicBoolean overlapped = new AtomicBoolean();
        AtomicBoolean hangStarted = new AtomicBoolean();
        FakeHost next = new FakeHost("next", c -> {
            // Which host takes the one slot first is up to the scheduler; only a start after the hanging one counts.
            overlapped.set(hangStarted.get() && !released.get());
            return new CommandResult("next", c.render(), 0, new byte[0], new byte[0], Duration.ZERO, false);
        });
        FakeHost hang = hangingThenWindingDown("hang", released);
        FakeHost hangNoting = new FakeHost("hang", c -> {
            hangStarted.set(true);
            return hang.run(c);
        });

        FleetResult<CommandResult> r = Fleet.of(List.of(hangNoting, next)).parallelism(1)
                .perHostTimeout(Duration.ofMillis(200)).run(h -> h.run("x"));

        assertThat(r.of("next").ok()).isTrue();
        assertThat(overlapped).as("the next host started while the cancelled one still wound down").isFalse();
    }

    @Test
    void aHostThatIgnoresCancellationIsReportedAsNotStoppedAfterTheGrace() {
        AtomicBoolean release = new AtomicBoolean();
        FakeHost stubborn = new FakeHost("stubborn", c -> {
            while (!release.get()) {
                windDown(20);
            }
            return null;
        });
        long start = System.nanoTime();
        try {
            FleetResult<String> r = Fleet.of(List.of(stubborn)).perHostTimeout(Duration.ofMillis(100))
                    .cancelGrace(Duration.ofMillis(200)).run(h -> h.output("x"));

            assertThat(r.of("stubborn")).isInstanceOfSatisfying(HostResult.TimedOut.class,
                    t -> assertThat(t.stopped()).isFalse());
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
        } finally {
            release.set(true);
        }
    }

    @Test
    void parallelismBoundsHowManyHostsRunAtOnce() {
        AtomicInteger running = new AtomicInteger();
        AtomicInteger peak = new AtomicInteger();
        List<Host> hosts = IntStream.range(0, 30).<Host>mapToObj(i -> new FakeHost("h" + i, c -> {
            peak.accumulateAndGet(running.incrementAndGet(), Math::max);
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            running.decrementAndGet();
            return new CommandResult("h", "x", 0, new byte[0], new byte[0], Duration.ZERO, false);
        })).toList();

        assertThat(Fleet.of(hosts).parallelism(4).run(h -> h.run("x")).allOk()).isTrue();
        assertThat(peak.get()).isBetween(1, 4);
    }

    @Test
    void progressCallbacksSeeEveryHostStartAndFinish() {
        ConcurrentLinkedQueue<String> started = new ConcurrentLinkedQueue<>();
        List<Integer> done = new ArrayList<>();
        List<Host> hosts = List.of(answering("a", "1"), answering("b", "2"), answering("c", "3"));

        Fleet.of(hosts).onProgress(new FleetListener() {
            @Override
            public void started(String host) {
                started.add(host);
            }

            @Override
            public synchronized void finished(HostResult<?> result, int finished, int total) {
                done.add(finished);
                assertThat(total).isEqualTo(3);
            }
        }).run(h -> h.output("x"));

        assertThat(started).containsExactlyInAnyOrder("a", "b", "c");
        assertThat(done).containsExactlyInAnyOrder(1, 2, 3);
    }

    @Test
    void finishedCallsComeOneAtATimeWithTheCountRisingByOneEachTime() {
        List<Integer> done = java.util.Collections.synchronizedList(new ArrayList<>());
        java.util.concurrent.atomic.AtomicInteger inside = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicInteger overlaps = new java.util.concurrent.atomic.AtomicInteger();
        List<Host> hosts = IntStream.range(0, 40).<Host>mapToObj(i -> answering("h" + i, "k" + i)).toList();

        Fleet.of(hosts).parallelism(40).onProgress(new FleetListener() {
            @Override
            public void finished(HostResult<?> result, int finished, int total) {
                if (inside.incrementAndGet() > 1) {
                    overlaps.incrementAndGet();
                }
                Thread.onSpinWait();
                done.add(finished);
                inside.decrementAndGet();
            }
        }).run(h -> h.output("x"));

        assertThat(done).isEqualTo(IntStream.rangeClosed(1, 40).boxed().toList());
        assertThat(overlaps).hasValue(0);
    }

    @Test
    void refusesBadSettingsListingEveryProblem() {
        Fleet fleet = Fleet.of(List.of(answering("a", "1")));

        assertThatThrownBy(() -> fleet.cancelGrace(Duration.ofSeconds(-1))).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.violations()).extracting(v -> v.field()).containsExactly("cancelGrace"));
        assertThatThrownBy(() -> fleet.parallelism(0).perHostTimeout(Duration.ZERO)).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.violations()).extracting(v -> v.field()).containsExactly("parallelism"));
        assertThatThrownBy(() -> Fleet.of(List.of(answering("a", "1"), answering("a", "2")))).isInstanceOfSatisfying(
                ValidationException.class, e -> assertThat(e.getMessage()).contains("host names must be unique"));
    }
}
