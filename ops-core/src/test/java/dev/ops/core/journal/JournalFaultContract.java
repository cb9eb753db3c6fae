package dev.ops.core.journal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ops.core.Ops;
import dev.ops.core.change.CommandAction;
import dev.ops.core.change.MarkerChange;
import dev.ops.core.change.Targets;
import dev.ops.core.host.Command;
import dev.ops.core.host.LocalHost;
import dev.ops.core.json.internal.Json;
import dev.ops.core.store.StateStore;
import dev.ops.core.store.UnreadableRecord;
import dev.ops.core.testing.JavaProcess;
import dev.ops.core.testing.TestStores;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The journal's fault suite, run on each store kind: damaged records of every kind, two processes
 * recovering at once, and the applying JVM killed with SIGKILL while a step's process runs.
 */
@Timeout(120)
abstract class JournalFaultContract {

    /** The spec of a fresh, empty store (see {@link TestStores}). */
    abstract String freshStore(Path tmp) throws Exception;

    /** Stores {@code bytes} as the value of {@code key}, whatever they hold (what a crash, a bug or a disk error leaves). */
    static void writeRaw(String spec, String key, byte[] bytes) {
        try (StateStore store = TestStores.open(spec)) {
            store.put(key, bytes);
        }
    }

    /** Kinds of damage only this store can have (a file shorter than its header), by key; none by default. */
    List<String> damageOnlyThisStoreCanHave(String spec) throws Exception {
        return List.of();
    }

    /** An owner that is certainly dead: this JVM's pid with another start time. */
    static Owner deadOwner() {
        Owner me = Owner.current();
        return new Owner(me.machine(), me.pid(), Instant.EPOCH);
    }

    /** An interrupted apply of {@code steps} DONE steps, each undone by appending a line to {@code counter}. */
    static ApplyRecord interruptedApply(String id, int steps, Path counter) {
        List<StepRecord> records = new ArrayList<>();
        for (int i = 0; i < steps; i++) {
            records.add(new StepRecord("step " + i, CommandAction.of("local", Command.of("true")),
                    CommandAction.of("local", Command.of("sh", "-c", "echo " + id + "/" + i + " >> \"$1\"", "sh", counter.toString())),
                    false, StepState.DONE, null));
        }
        Instant t = Instant.parse("2026-01-01T00:00:00Z");
        return new ApplyRecord(id, "fault " + id, "test", deadOwner(), ApplyStatus.RUNNING, t, t, records);
    }

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** A child JVM: waits for the go file, then recovers and writes how many applies it rolled back. */
    public static final class Recover {
        public static void main(String[] args) throws Exception {
            Path go = Path.of(args[1]);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!Files.exists(go) && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            try (StateStore store = TestStores.open(args[0])) {
                RecoveryReport report = Ops.builder().store(store).build().journal().recover(Targets.of(LocalHost.named("local")));
                Files.writeString(Path.of(args[2]), report.rolledBack().size() + " " + report.claimedElsewhere().size()
                        + " " + report.failed().size());
            }
        }
    }

    /** A child JVM: applies markers a, spawn, c; "spawn" blocks until the JVM is killed. */
    public static final class ApplyAndHang {
        public static void main(String[] args) {
            StateStore store = TestStores.open(args[0]);
            Ops ops = Ops.builder().store(store).build();
            new MarkerChange(ops, LocalHost.named("local"), Path.of(args[1]), List.of("a", "spawn", "c")).apply();
        }
    }

    @Test
    void damagedRecordsOfEveryKindAreReportedByKeyAndLocationAndTheRestIsRecovered(@TempDir Path tmp) throws Exception {
        String spec = freshStore(tmp);
        Path counter = tmp.resolve("undone");
        String good = Json.mapper().writeValueAsString(interruptedApply("good", 2, counter));
        List<String> damaged = new ArrayList<>(damageOnlyThisStoreCanHave(spec));
        writeRaw(spec, "journal/garbage", bytes("\u0000\u0001 this is not json"));
        writeRaw(spec, "journal/truncated", bytes(good.substring(0, good.length() / 2)));
        writeRaw(spec, "journal/empty", new byte[0]);
        writeRaw(spec, "journal/newer", bytes(good.replace("\"format\":1", "\"format\":2").replace("\"id\":\"good\"", "\"id\":\"newer\"")));
        writeRaw(spec, "journal/unknown-field", bytes(good.replace("\"id\":\"good\"", "\"id\":\"unknown-field\",\"undoFirst\":true")));
        writeRaw(spec, "journal/unknown-action", bytes(good.replace("\"id\":\"good\"", "\"id\":\"unknown-action\"")
                .replaceAll("\"@type\":\"[^\"]*\"", "\"@type\":\"dev.ops.pve.FutureAction\"")));
        writeRaw(spec, "journal/missing-owner", bytes(good.replaceFirst("\"owner\":\\{[^}]*\\},", "")
                .replace("\"id\":\"good\"", "\"id\":\"missing-owner\"")));
        damaged.addAll(List.of("journal/garbage", "journal/truncated", "journal/empty", "journal/newer", "journal/unknown-field",
                "journal/unknown-action", "journal/missing-owner"));
        writeRaw(spec, "journal/good", bytes(good));

        try (StateStore store = TestStores.open(spec)) {
            Journal journal = Ops.builder().store(store).build().journal();
            assertThat(journal.list()).extracting(ApplyRecord::id).containsExactly("good");
            assertThat(journal.interrupted()).extracting(ApplyRecord::id).containsExactly("good");

            RecoveryReport report = journal.recover(Targets.of(LocalHost.named("local")));

            assertThat(report.rolledBack()).extracting(r -> r.applyId()).containsExactly("good");
            assertThat(report.unreadable()).extracting(UnreadableRecord::key).containsExactlyInAnyOrderElementsOf(damaged);
            for (UnreadableRecord u : report.unreadable()) {
                assertThat(u.location()).as("location of %s", u.key()).isEqualTo(store.locationOf(u.key()));
                assertThat(u.reason()).isNotBlank();
            }
            assertThat(report.unreadable()).filteredOn(u -> u.key().equals("journal/newer")).singleElement()
                    .satisfies(u -> assertThat(u.reason()).contains("format 2"));
            assertThat(report.unreadable()).filteredOn(u -> u.key().equals("journal/unknown-field")).singleElement()
                    .satisfies(u -> assertThat(u.reason()).contains("undoFirst"));
            assertThat(report.unreadable()).filteredOn(u -> u.key().equals("journal/unknown-action")).singleElement()
                    .satisfies(u -> assertThat(u.reason()).contains("dev.ops.pve.FutureAction"));
            assertThat(report.unreadable()).filteredOn(u -> u.key().equals("journal/missing-owner")).singleElement()
                    .satisfies(u -> assertThat(u.reason()).contains("owner"));
            assertThat(Files.readAllLines(counter)).containsExactly("good/1", "good/0");
            assertThat(journal.find("good").orElseThrow().status()).isEqualTo(ApplyStatus.ROLLED_BACK);
        }
    }

    @Test
    void twoProcessesRecoveringAtOnceUndoEachStepOnce(@TempDir Path tmp) throws Exception {
        String spec = freshStore(tmp);
        Path counter = tmp.resolve("undone");
        int applies = 6;
        int steps = 3;
        try (StateStore store = TestStores.open(spec)) {
            for (int i = 0; i < applies; i++) {
                store.put("journal/a" + i, Json.write(interruptedApply("a" + i, steps, counter)));
            }
        }
        Path go = tmp.resolve("go");
        List<Process> children = new ArrayList<>();
        for (int c = 0; c < 2; c++) {
            children.add(JavaProcess.start(Recover.class, spec, go.toString(), tmp.resolve("report-" + c).toString()));
        }
        Thread.sleep(0);
        Files.createFile(go);
        for (Process child : children) {
            assertThat(JavaProcess.await(child)).as("child exit code").isZero();
        }

        List<String> lines = Files.readAllLines(counter);
        assertThat(lines).as("every undo ran exactly once").hasSize(applies * steps).doesNotHaveDuplicates();
        int rolledBack = 0;
        for (int c = 0; c < 2; c++) {
            rolledBack += Integer.parseInt(Files.readString(tmp.resolve("report-" + c)).split(" ")[0]);
        }
        assertThat(rolledBack).as("applies rolled back by the two processes together").isEqualTo(applies);
        try (StateStore store = TestStores.open(spec)) {
            assertThat(Ops.builder().store(store).build().journal().list()).extracting(ApplyRecord::status)
                    .containsOnly(ApplyStatus.ROLLED_BACK);
        }
    }

    @Test
    void aStepProcessOfAKilledApplyIsStoppedBeforeItsStepIsUndone(@TempDir Path tmp) throws Exception {
        String spec = freshStore(tmp);
        Path markers = Files.createDirectories(tmp.resolve("markers"));
        Path spawn = markers.resolve("spawn");
        Process child = JavaProcess.start(ApplyAndHang.class, spec, markers.toString());
        long background = -1;
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!Files.exists(markers.resolve("spawn.bg")) && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            background = Long.parseLong(Files.readString(markers.resolve("spawn.bg")).trim());
            try (StateStore store = TestStores.open(spec)) {
                Journal journal = Ops.builder().store(store).build().journal();
                while (journal.list().stream().noneMatch(r -> r.steps().get(1).processes().size() > 0) && System.nanoTime() < deadline) {
                    Thread.sleep(20);
                }
            }
            new ProcessBuilder("kill", "-KILL", Long.toString(child.pid())).start().waitFor();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();

            try (StateStore store = TestStores.open(spec)) {
                Journal journal = Ops.builder().store(store).build().journal();
                assertThat(journal.interrupted()).singleElement().satisfies(r -> {
                    assertThat(r.steps()).extracting(StepRecord::state).containsExactly(StepState.DONE, StepState.STARTED, StepState.PENDING);
                    assertThat(r.steps().get(1).processes()).as("the running step's process is in the journal").isNotEmpty();
                });

                RecoveryReport report = journal.recover(Targets.of(LocalHost.named("local")));

                assertThat(report.rolledBack()).hasSize(1);
                assertThat(LocalProcessGroups.stat(background).filter(LocalProcessGroups.Stat::alive))
                        .as("the step's background process, still running after the JVM died, is gone once recover returns").isEmpty();
                assertThat(markers.resolve("a")).doesNotExist();
                assertThat(spawn).doesNotExist();
                Files.createFile(markers.resolve("spawn.release"));
                assertThat(markers.resolve("spawn.late")).doesNotExist();
                assertThat(journal.find(report.rolledBack().get(0).applyId()).orElseThrow().steps().get(1).processes()).isEmpty();
            }
        } finally {
            child.destroyForcibly();
            if (background > 0) {
                ProcessHandle.of(background).ifPresent(ProcessHandle::destroyForcibly);
            }
        }
    }
}
