package dev.ops.core.journal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ops.core.Ops;
import dev.ops.core.change.MarkerChange;
import dev.ops.core.change.RollbackReport;
import dev.ops.core.change.Targets;
import dev.ops.core.host.LocalHost;
import dev.ops.core.store.FileStateStore;
import dev.ops.core.testing.JavaProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A real child JVM is killed with SIGKILL in the middle of an apply; a fresh JVM recovers it. */
@Timeout(120)
class CrashRecoveryTest {

    /** Child 1: applies markers a, b, then hangs in the third step until killed. */
    public static final class CrashingApply {
        public static void main(String[] args) {
            Ops ops = Ops.builder().store(FileStateStore.open(Path.of(args[0]))).build();
            new MarkerChange(ops, LocalHost.named("local"), Path.of(args[1]), List.of("a", "b", "hang", "c")).apply();
        }
    }

    /** Child 1b: applies a composite of three changes on two targets and hangs in the second one until killed. */
    public static final class CrashingComposite {
        public static void main(String[] args) {
            Ops ops = Ops.builder().store(FileStateStore.open(Path.of(args[0]))).build();
            Path dir = Path.of(args[1]);
            dev.ops.core.change.Changes.sequence(
                    new MarkerChange(ops, LocalHost.named("local"), dir, List.of("a")),
                    new MarkerChange(ops, LocalHost.named("other"), dir, List.of("b", "hang")),
                    new MarkerChange(ops, LocalHost.named("local"), dir, List.of("c"))).apply();
        }
    }

    /** Child 2: a fresh JVM that recovers whatever the dead one left. */
    public static final class Recover {
        public static void main(String[] args) {
            Ops ops = Ops.builder().store(FileStateStore.open(Path.of(args[0]))).build();
            List<RollbackReport> reports = ops.journal().recover(Targets.of(LocalHost.named("local"), LocalHost.named("other"))).rolledBack();
            if (reports.size() != 1) {
                System.exit(3);
            }
        }
    }

    @Test
    void anApplyKilledWithSigkillIsRolledBackByAFreshJvm(@TempDir Path tmp) throws Exception {
        Path store = tmp.resolve("store");
        Path markers = Files.createDirectories(tmp.resolve("markers"));

        Process child = JavaProcess.start(CrashingApply.class, store.toString(), markers.toString());
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!Files.exists(markers.resolve("hang")) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(markers.resolve("hang")).as("third step started").exists();
        List<ProcessHandle> grandchildren = child.descendants().toList();
        new ProcessBuilder("kill", "-KILL", Long.toString(child.pid())).start().waitFor();
        child.waitFor(10, TimeUnit.SECONDS);
        grandchildren.forEach(ProcessHandle::destroyForcibly);
        assertThat(child.exitValue()).isEqualTo(137);
        assertThat(markers.resolve("a")).exists();
        assertThat(markers.resolve("b")).exists();

        try (FileStateStore s = FileStateStore.open(store)) {
            Journal journal = Ops.builder().store(s).build().journal();
            assertThat(journal.interrupted()).singleElement().satisfies(r -> assertThat(r.steps()).extracting(StepRecord::state)
                    .containsExactly(StepState.DONE, StepState.DONE, StepState.STARTED, StepState.PENDING));
        }

        Process recover = JavaProcess.start(Recover.class, store.toString());
        assertThat(JavaProcess.await(recover)).isZero();

        assertThat(markers.resolve("a")).doesNotExist();
        assertThat(markers.resolve("b")).doesNotExist();
        assertThat(markers.resolve("hang")).doesNotExist();
        try (FileStateStore s = FileStateStore.open(store)) {
            Journal journal = Ops.builder().store(s).build().journal();
            assertThat(journal.interrupted()).isEmpty();
            assertThat(journal.list()).singleElement().satisfies(r -> {
                assertThat(r.status()).isEqualTo(ApplyStatus.ROLLED_BACK);
                assertThat(r.steps()).extracting(StepRecord::state)
                        .containsExactly(StepState.UNDONE, StepState.UNDONE, StepState.UNDONE, StepState.PENDING);
            });
        }
    }

    @Test
    void aCompositeKilledInItsSecondChangeIsRolledBackWholeByAFreshJvm(@TempDir Path tmp) throws Exception {
        Path store = tmp.resolve("store");
        Path markers = Files.createDirectories(tmp.resolve("markers"));

        Process child = JavaProcess.start(CrashingComposite.class, store.toString(), markers.toString());
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!Files.exists(markers.resolve("hang")) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(markers.resolve("hang")).as("the second change's second step started").exists();
        new ProcessBuilder("kill", "-KILL", Long.toString(child.pid())).start().waitFor();
        child.waitFor(10, TimeUnit.SECONDS);
        assertThat(markers.resolve("a")).exists();
        assertThat(markers.resolve("b")).exists();

        Process recover = JavaProcess.start(Recover.class, store.toString());
        assertThat(JavaProcess.await(recover)).isZero();

        assertThat(markers.resolve("a")).doesNotExist();
        assertThat(markers.resolve("b")).doesNotExist();
        assertThat(markers.resolve("hang")).doesNotExist();
        assertThat(markers.resolve("c")).doesNotExist();
        try (FileStateStore s = FileStateStore.open(store)) {
            assertThat(Ops.builder().store(s).build().journal().list()).singleElement().satisfies(r -> {
                assertThat(r.status()).isEqualTo(ApplyStatus.ROLLED_BACK);
                assertThat(r.steps()).extracting(StepRecord::state)
                        .containsExactly(StepState.UNDONE, StepState.UNDONE, StepState.UNDONE, StepState.PENDING);
            });
        }
    }

    @Test
    void appliesOfAnotherMachineAreRecoveredOnlyWhenStaleAndOnlyWhenAsked(@TempDir Path tmp) throws Exception {
        Ops ops = Ops.inMemory();
        java.nio.file.Files.createFile(tmp.resolve("m"));
        var plan = new MarkerChange(ops, LocalHost.create(), tmp, List.of("m2")).plan();
        var undo = dev.ops.core.change.CommandAction.of("local", dev.ops.core.host.Command.of("rm", "--", tmp.resolve("m").toString()));
        java.time.Instant old = java.time.Instant.now().minus(java.time.Duration.ofHours(1));
        Owner elsewhere = new Owner("another-controller", 4242, old);
        for (String id : List.of("stale", "fresh")) {
            java.time.Instant updated = id.equals("stale") ? old : java.time.Instant.now();
            ApplyRecord r = new ApplyRecord(id, plan.change(), "ci", elsewhere, ApplyStatus.RUNNING, old, updated,
                    List.of(new StepRecord("create marker m", plan.steps().get(0).action(), undo, false, StepState.DONE, null)));
            ops.store().put("journal/" + id, dev.ops.core.json.internal.Json.write(r));
        }

        assertThat(ops.journal().recover(Targets.of(LocalHost.create())).rolledBack()).as("the pid of another machine cannot be checked").isEmpty();
        List<RollbackReport> reports = ops.journal().recover(Targets.of(LocalHost.create()), java.time.Duration.ofMinutes(10)).rolledBack();

        assertThat(reports).extracting(RollbackReport::applyId).containsExactly("stale");
        assertThat(tmp.resolve("m")).doesNotExist();
        assertThat(ops.journal().find("fresh").orElseThrow().status()).isEqualTo(ApplyStatus.RUNNING);
    }

    @Test
    void recoveryLeavesAppliesOfLiveProcessesAlone(@TempDir Path tmp) {
        try (FileStateStore s = FileStateStore.open(tmp)) {
            Ops ops = Ops.builder().store(s).build();
            new MarkerChange(ops, LocalHost.create(), tmp, List.of("x")).apply();
            String id = ops.journal().begin(new MarkerChange(ops, LocalHost.create(), tmp, List.of("y")).plan());

            assertThat(ops.journal().recover(Targets.of(LocalHost.create())).rolledBack()).isEmpty();
            assertThat(ops.journal().find(id).orElseThrow().status()).isEqualTo(ApplyStatus.RUNNING);
        }
    }
}
