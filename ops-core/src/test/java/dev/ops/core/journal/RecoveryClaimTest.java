package dev.ops.core.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ops.core.Ops;
import dev.ops.core.change.CommandAction;
import dev.ops.core.change.Rollback;
import dev.ops.core.change.Targets;
import dev.ops.core.error.ConflictException;
import dev.ops.core.error.CorruptRecordException;
import dev.ops.core.host.Command;
import dev.ops.core.host.LocalHost;
import dev.ops.core.json.internal.Json;
import dev.ops.core.store.FileStateStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Rollbacks claim a record before undoing it; claims of the dead are taken over; one bad record stops no other. */
@Timeout(60)
class RecoveryClaimTest {
    private final Ops ops = Ops.inMemory();
    private final Targets local = Targets.of(LocalHost.named("local"));

    private ApplyRecord claimedBy(ApplyRecord r, Owner claimant) {
        return new ApplyRecord(r.id(), r.change(), r.actor(), r.owner(), ApplyStatus.ROLLING_BACK, r.createdAt(), r.updatedAt(), r.steps(),
                claimant, null, ApplyRecord.FORMAT);
    }

    @Test
    void aRollbackClaimOfADeadClaimantIsTakenOverByRecovery(@TempDir Path dir) throws Exception {
        Path counter = dir.resolve("undone");
        ops.store().put("journal/x", Json.write(claimedBy(JournalFaultContract.interruptedApply("x", 2, counter),
                JournalFaultContract.deadOwner())));

        assertThat(ops.journal().interrupted()).extracting(ApplyRecord::id).containsExactly("x");
        assertThat(ops.journal().recover(local).rolledBack()).extracting(r -> r.applyId()).containsExactly("x");
        assertThat(Files.readAllLines(counter)).containsExactly("x/1", "x/0");
        assertThat(ops.journal().find("x").orElseThrow().status()).isEqualTo(ApplyStatus.ROLLED_BACK);
    }

    @Test
    void aRollbackOfARecordThatALiveProcessIsRollingBackIsRefusedNamingIt(@TempDir Path dir) {
        ops.store().put("journal/x", Json.write(claimedBy(JournalFaultContract.interruptedApply("x", 1, dir.resolve("undone")),
                Owner.current())));

        assertThatThrownBy(() -> Rollback.of(ops.journal(), "x", local).run()).isInstanceOfSatisfying(ConflictException.class, e -> {
            assertThat(e.retryable()).isTrue();
            assertThat(e.getMessage()).contains("being rolled back by pid " + ProcessHandle.current().pid());
        });
        assertThat(ops.journal().recover(local).rolledBack()).as("a live claim is no interrupted apply").isEmpty();
        assertThat(dir.resolve("undone")).doesNotExist();
    }

    @Test
    void twoThreadsRecoveringAtOnceUndoEachStepOnce(@TempDir Path dir) throws Exception {
        Path counter = dir.resolve("undone");
        for (int i = 0; i < 8; i++) {
            ops.store().put("journal/a" + i, Json.write(JournalFaultContract.interruptedApply("a" + i, 2, counter)));
        }
        CountDownLatch go = new CountDownLatch(1);
        List<Future<RecoveryReport>> runs = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(2)) {
            for (int t = 0; t < 2; t++) {
                runs.add(pool.submit(() -> {
                    go.await();
                    return ops.journal().recover(local);
                }));
            }
            go.countDown();
            int rolledBack = 0;
            for (Future<RecoveryReport> run : runs) {
                rolledBack += run.get().rolledBack().size();
            }
            assertThat(rolledBack).isEqualTo(8);
        }
        assertThat(Files.readAllLines(counter)).hasSize(16).doesNotHaveDuplicates();
    }

    @Test
    void recoveryGoesOnPastAnApplyWhoseRollbackFails(@TempDir Path dir) throws Exception {
        Path counter = dir.resolve("undone");
        ApplyRecord bad = JournalFaultContract.interruptedApply("bad", 1, counter);
        StepRecord failing = new StepRecord("step 0", CommandAction.of("local", Command.of("true")),
                CommandAction.of("local", Command.of("sh", "-c", "echo no >&2; exit 3")), false, StepState.DONE, null);
        ops.store().put("journal/bad", Json.write(new ApplyRecord("bad", "bad", "t", bad.owner(), ApplyStatus.RUNNING, bad.createdAt(),
                bad.updatedAt(), List.of(failing))));
        ops.store().put("journal/good", Json.write(JournalFaultContract.interruptedApply("good", 1, counter)));

        RecoveryReport report = ops.journal().recover(local);

        assertThat(report.failed()).extracting(RecoveryReport.Failure::applyId).containsExactly("bad");
        assertThat(report.rolledBack()).extracting(r -> r.applyId()).containsExactly("good");
        assertThat(ops.journal().find("bad").orElseThrow().status()).isEqualTo(ApplyStatus.ROLLBACK_FAILED);
        assertThat(ops.journal().interrupted()).as("a failed rollback leaves no claim behind").isEmpty();
    }

    @Test
    void rollingBackAnApplyWhoseRecordIsDamagedNamesTheRecordsKeyAndPath(@TempDir Path dir) {
        try (FileStateStore store = FileStateStore.open(dir.resolve("store"))) {
            Ops files = Ops.builder().store(store).build();
            store.put("journal/20260101T000000-abc", "{\"id\":\"20260101T000000-abc\",\"steps\":[{\"descr".getBytes());

            assertThatThrownBy(() -> files.rollback("20260101T000000-abc", local).run())
                    .isInstanceOfSatisfying(CorruptRecordException.class, e -> {
                        assertThat(e.key()).isEqualTo("journal/20260101T000000-abc");
                        assertThat(e.location()).isEqualTo(store.directory().resolve("journal/20260101T000000-abc.v").toString());
                        assertThat(e.getMessage()).contains(e.key()).contains(e.location());
                    });
        }
    }
}
