package dev.ops.core.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ops.core.Ops;
import dev.ops.core.change.MarkerChange;
import dev.ops.core.change.Targets;
import dev.ops.core.error.ConflictException;
import dev.ops.core.error.LockHeldException;
import dev.ops.core.host.LocalHost;
import dev.ops.core.json.internal.Json;
import dev.ops.core.testing.JavaProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** One change applied by two processes at once: the second is refused, naming the first, and never claims to have made it. */
@Timeout(60)
class ChangeLockTest {
    private final Ops ops = Ops.inMemory();

    private MarkerChange markers(Path dir, String... names) {
        return new MarkerChange(ops, LocalHost.create(), dir, List.of(names));
    }

    private String lockKey(MarkerChange change) {
        try (ChangeLock lock = ops.journal().lock(change.description(), Set.of("local"))) {
            return lock.key();
        }
    }

    @Test
    void aSecondApplyOfTheSameChangeWhileTheFirstHoldsItIsRefusedNamingTheHolder(@TempDir Path dir) {
        MarkerChange change = markers(dir, "m");
        try (ChangeLock held = ops.journal().lock(change.description(), Set.of("local"))) {
            assertThatThrownBy(change::apply).isInstanceOfSatisfying(LockHeldException.class, e -> {
                assertThat(e.retryable()).isTrue();
                assertThat(e.resource()).isEqualTo(held.key());
                assertThat(e.holder()).contains("pid " + ProcessHandle.current().pid());
                assertThat(e.getMessage()).contains(change.description());
            });
        }
        assertThat(dir.resolve("m")).doesNotExist();
        assertThat(ops.journal().list()).isEmpty();
    }

    @Test
    void anApplyLetsGoOfTheLockAndApplyingAgainPlansNothing(@TempDir Path dir) {
        assertThat(markers(dir, "m").apply().changed()).isTrue();

        assertThat(markers(dir, "m").apply().changed()).isFalse();
        assertThat(ops.store().list("lock/")).isEmpty();
    }

    @Test
    void planningTakesNoLock(@TempDir Path dir) {
        MarkerChange change = markers(dir, "m");
        try (ChangeLock held = ops.journal().lock(change.description(), Set.of("local"))) {
            assertThat(change.plan().steps()).hasSize(1);
            assertThat(ops.store().list("lock/")).singleElement().satisfies(e -> assertThat(e.key()).isEqualTo(held.key()));
        }
    }

    @Test
    void aLockOfADeadHolderIsBroken(@TempDir Path dir) {
        MarkerChange change = markers(dir, "m");
        Instant now = Instant.now();
        ops.store().put(lockKey(change), Json.write(new LockRecord("t", change.description(), "ci", JournalFaultContract.deadOwner(),
                null, now, now.plusSeconds(600))));

        assertThat(change.apply().changed()).isTrue();
        assertThat(ops.store().list("lock/")).isEmpty();
    }

    @Test
    void aLockOfAHolderThatDiedBeforeItsApplyBeganIsBrokenThoughItNamesThatApply(@TempDir Path dir) {
        MarkerChange change = markers(dir, "m");
        Instant now = Instant.now();
        ops.store().put(lockKey(change), Json.write(new LockRecord("t", change.description(), "ci", JournalFaultContract.deadOwner(),
                "20260101T000000-neverbegan", now, now.plusSeconds(600))));

        assertThat(change.apply().changed()).isTrue();
        assertThat(ops.journal().list()).singleElement().satisfies(r -> assertThat(r.id()).isNotEqualTo("20260101T000000-neverbegan"));
    }

    @Test
    void theLockNamesTheIdOfTheFirstApplyBegunUnderItAndALaterOneIsBoundToIt(@TempDir Path dir) {
        MarkerChange change = markers(dir, "m");
        try (ChangeLock lock = ops.journal().lock(change.description(), Set.of("local"))) {
            String named = Json.read(ops.store().get(lock.key()).orElseThrow().value(), LockRecord.class).applyId();
            String first = ops.journal().begin(dev.ops.core.change.Plan.of("c", List.of(), List.of(), Instant.now()), lock);
            assertThat(first).isEqualTo(named);

            String second = ops.journal().begin(dev.ops.core.change.Plan.of("c", List.of(), List.of(), Instant.now()), lock);
            assertThat(second).isNotEqualTo(first);
            assertThat(Json.read(ops.store().get(lock.key()).orElseThrow().value(), LockRecord.class).applyId()).isEqualTo(second);
        }
    }

    @Test
    void aLockOfAnApplyThatDiedHalfDoneIsKeptUntilThatApplyIsRecovered(@TempDir Path dir) throws Exception {
        MarkerChange change = markers(dir, "m");
        String key = lockKey(change);
        ApplyRecord dead = JournalFaultContract.interruptedApply("dead", 1, dir.resolve("undone"));
        dead = new ApplyRecord(dead.id(), change.description(), "ci", dead.owner(), ApplyStatus.RUNNING, dead.createdAt(), dead.updatedAt(),
                dead.steps(), null, key, ApplyRecord.FORMAT);
        ops.store().put("journal/dead", Json.write(dead));
        Instant now = Instant.now();
        ops.store().put(key, Json.write(new LockRecord("t", change.description(), "ci", dead.owner(), "dead", now, now.plusSeconds(600))));

        assertThatThrownBy(change::apply).isInstanceOf(ConflictException.class).hasMessageContaining("recover")
                .hasMessageContaining("dead");

        assertThat(ops.journal().recover(Targets.of(LocalHost.create())).rolledBack()).hasSize(1);
        assertThat(ops.store().list("lock/")).as("recovery let go of the dead apply's lock").isEmpty();
        assertThat(change.apply().changed()).isTrue();
    }

    /** A child JVM that applies markers a, hang; it blocks in "hang" holding the change's lock. */
    public static final class Holder {
        public static void main(String[] args) {
            Ops ops = Ops.builder().store(dev.ops.core.store.FileStateStore.open(Path.of(args[0]))).build();
            new MarkerChange(ops, LocalHost.create(), Path.of(args[1]), List.of("a", "hang")).apply();
        }
    }

    @Test
    void twoJvmsApplyingOneChangeAtOnceMakeItOnce(@TempDir Path tmp) throws Exception {
        Path store = tmp.resolve("store");
        Path dir = Files.createDirectories(tmp.resolve("markers"));
        Process child = JavaProcess.start(Holder.class, store.toString(), dir.toString());
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!Files.exists(dir.resolve("hang")) && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            try (var s = dev.ops.core.store.FileStateStore.open(store)) {
                Ops mine = Ops.builder().store(s).build();
                MarkerChange same = new MarkerChange(mine, LocalHost.create(), dir, List.of("a", "hang"));

                assertThatThrownBy(same::apply).isInstanceOfSatisfying(LockHeldException.class,
                        e -> assertThat(e.holder()).contains("pid " + child.pid()));
                assertThat(mine.journal().list()).as("only the first JVM's apply is journaled").hasSize(1);
            }
        } finally {
            child.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }
}
