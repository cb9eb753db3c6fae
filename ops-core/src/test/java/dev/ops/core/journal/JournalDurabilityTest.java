package dev.ops.core.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ops.core.Ops;
import dev.ops.core.audit.StoreAuditLog;
import dev.ops.core.change.CommandAction;
import dev.ops.core.change.MarkerChange;
import dev.ops.core.change.Plan;
import dev.ops.core.change.Step;
import dev.ops.core.change.Targets;
import dev.ops.core.host.Command;
import dev.ops.core.host.LocalHost;
import dev.ops.core.json.internal.Json;
import dev.ops.core.store.Durability;
import dev.ops.core.store.StateStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * What an apply writes durably (what recovery after a crash of the operating system needs) and
 * what it writes relaxed; and that recovery is right after such a crash at every point of an
 * apply, whichever relaxed records the crash lost.
 */
@Timeout(120)
class JournalDurabilityTest {
    private static final LocalHost LOCAL = LocalHost.named("local");

    private static List<String> summaries(List<SystemCrashStore.Write> writes) {
        return writes.stream().map(SystemCrashStore.Write::summary).toList();
    }

    @Test
    void aOneStepApplyWritesDurablyTheStepsStartTheAuditRecordAndTheFinishAndTheRestRelaxed(@TempDir Path markers) {
        SystemCrashStore store = new SystemCrashStore();
        Ops ops = Ops.builder().store(store).build();

        new MarkerChange(ops, LOCAL, markers, List.of("m")).apply();

        assertThat(summaries(store.writes())).containsExactly(
                "lock relaxed",       // the change's lock taken, naming the apply's id
                "journal relaxed",    // the apply's record, every step pending: nothing ran yet
                "journal durable",    // the step started: its undo and its start on disk before it runs
                "journal relaxed",    // the step's process started (a system crash kills it)
                "journal relaxed",    // ... and ended
                "journal relaxed",    // the step ended: the finish carries it
                "audit durable",      // the audit record
                "journal durable",    // the apply finished
                "lock relaxed delete");
    }

    @Test
    void everyStepStartsDurablyAndAFailureAndTheRollbackAfterItAreDurable(@TempDir Path markers) {
        SystemCrashStore store = new SystemCrashStore();
        Ops ops = Ops.builder().store(store).build();

        assertThatThrownBy(() -> new MarkerChange(ops, LOCAL, markers, List.of("a", "b", "fail")).apply()).isNotNull();

        int started = 0;
        for (SystemCrashStore.Write w : store.writes()) {
            if (!w.key().startsWith("journal/")) {
                continue;
            }
            ApplyRecord r = Json.read(w.value(), ApplyRecord.class);
            int nowStarted = (int) r.steps().stream().filter(s -> s.state() != StepState.PENDING).count();
            boolean startsAStep = nowStarted > started;
            started = nowStarted;
            boolean failureOrRollback = r.status() != ApplyStatus.RUNNING
                    || r.steps().stream().anyMatch(s -> s.state() == StepState.FAILED);
            if (startsAStep || failureOrRollback) {
                assertThat(w.durability()).as(r.status() + " " + r.steps().stream().map(StepRecord::state).toList()).isEqualTo(Durability.DURABLE);
            }
        }
        assertThat(started).as("steps started").isEqualTo(3);
        assertThat(markers.resolve("a")).doesNotExist();
    }

    /** A clock the test moves. */
    private static final class MovingClock extends Clock {
        private Instant now = Instant.parse("2026-01-01T00:00:00Z");

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return java.time.ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }

    @Test
    void aStepRenewsTheChangesLockOnlyWhenItWasTakenOrRenewedOverAMinuteAgo() {
        MovingClock clock = new MovingClock();
        SystemCrashStore store = new SystemCrashStore();
        Journal journal = new Journal(store, new StoreAuditLog(store), clock, "test");
        Step step = Step.of("nothing", CommandAction.of("local", Command.of("true")), CommandAction.of("local", Command.of("true")));
        try (ChangeLock lock = journal.lock("renewal", Set.of("local"))) {
            String id = journal.begin(Plan.of("renewal", List.of(step, step, step), List.of(), clock.instant()), lock);
            journal.runStep(id, 0, Targets.of(LOCAL));
            clock.advance(Duration.ofSeconds(59));
            journal.runStep(id, 1, Targets.of(LOCAL));
            assertThat(store.writes()).filteredOn(w -> w.key().equals(lock.key())).as("taken, not renewed").hasSize(1);

            clock.advance(Duration.ofSeconds(2));
            journal.runStep(id, 2, Targets.of(LOCAL));
            assertThat(store.writes()).filteredOn(w -> w.key().equals(lock.key())).as("renewed").hasSize(2);
            LockRecord held = Json.read(store.get(lock.key()).orElseThrow().value(), LockRecord.class);
            assertThat(held.expiresAt()).isEqualTo(clock.instant().plus(Duration.ofMinutes(10)));
        }
    }

    /** What a crash of the system may keep of the relaxed writes: none, the lock's, the journal's (each key keeps old or new). */
    private static final Map<String, Predicate<String>> RELAXED_KEPT = Map.of(
            "every relaxed write lost", key -> false,
            "the lock kept, the journal's relaxed writes lost", key -> key.startsWith("lock/"),
            "the journal's relaxed writes kept, the lock lost", key -> key.startsWith("journal/"));

    /**
     * The state of the machine at one write of the apply: the markers made so far, whether the apply
     * has finished (its caller may be told so from here on), and what a crash would leave of the store.
     */
    private record CrashPoint(int write, Set<String> markers, boolean finished, String crash, Map<String, byte[]> store) {}

    @Test
    void afterACrashOfTheSystemAtAnyWriteOfAnApplyRecoveryUndoesWhatRanAndTheChangeCanBeAppliedAgain(@TempDir Path tmp)
            throws Exception {
        Path markers = Files.createDirectories(tmp.resolve("markers"));
        SystemCrashStore store = new SystemCrashStore();
        List<CrashPoint> points = new ArrayList<>();
        store.afterEachWrite(() -> {
            int write = store.writes().size();
            Set<String> made = listing(markers);
            boolean finished = new Journal(store, new StoreAuditLog(store), Clock.systemUTC(), "test").list().stream()
                    .anyMatch(r -> r.status() == ApplyStatus.APPLIED);
            RELAXED_KEPT.forEach((crash, kept) -> points.add(new CrashPoint(write, made, finished, crash, store.afterSystemCrash(kept))));
        });
        Ops ops = Ops.builder().store(store).build();
        new MarkerChange(ops, LOCAL, markers, List.of("a", "b")).apply();
        assertThat(points).hasSizeGreaterThan(3 * 10);

        for (CrashPoint point : points) {
            String at = "crash after write " + point.write() + " (" + summaries(store.writes()).get(point.write() - 1) + "), "
                    + point.crash();
            setListing(markers, point.markers());
            StateStore after = SystemCrashStore.restored(point.store());
            Ops rebooted = Ops.builder().store(after).build();
            boolean finished = rebooted.journal().list().stream().anyMatch(r -> r.status() == ApplyStatus.APPLIED);
            assertThat(finished).as(at + ": an apply finished before the crash stays finished").isEqualTo(point.finished());

            RecoveryReport report = rebooted.journal().recover(Targets.of(LOCAL));

            assertThat(report.failed()).as(at).isEmpty();
            assertThat(report.unreadable()).as(at).isEmpty();
            assertThat(rebooted.journal().interrupted()).as(at).isEmpty();
            assertThat(listing(markers)).as(at + ": what ran is undone, unless the apply finished")
                    .isEqualTo(finished ? Set.of("a", "b") : Set.of());
            // The lock (left or lost) stands in no one's way once the apply is recovered.
            new MarkerChange(rebooted, LOCAL, markers, List.of("a", "b")).apply();
            assertThat(listing(markers)).as(at).isEqualTo(Set.of("a", "b"));
        }
    }

    private static Set<String> listing(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return new TreeSet<>(files.map(p -> p.getFileName().toString()).toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void setListing(Path dir, Set<String> names) throws IOException {
        for (String existing : listing(dir)) {
            Files.delete(dir.resolve(existing));
        }
        for (String name : names) {
            Files.createFile(dir.resolve(name));
        }
    }
}
