package dev.ops.core.change;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ops.core.Ops;
import dev.ops.core.audit.AuditRecord;
import dev.ops.core.error.CommandFailedException;
import dev.ops.core.error.ValidationException;
import dev.ops.core.file.ManagedFile;
import dev.ops.core.host.LocalHost;
import dev.ops.core.journal.ApplyStatus;
import dev.ops.core.journal.StepState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(60)
class ChangeModelTest {
    private final Ops ops = Ops.inMemory();
    private final LocalHost host = LocalHost.create();

    @TempDir
    Path dir;

    private Change<String> motd(String content) {
        return ManagedFile.on(host, ops).path(dir.resolve("motd").toString()).content(content).mode("0640").present();
    }

    @Test
    void planListsExactStepsAndChangesNothing() {
        Plan plan = motd("hello\n").plan();

        assertThat(plan.steps()).hasSize(1);
        assertThat(plan.steps().get(0).description()).isEqualTo("create " + dir.resolve("motd"));
        assertThat(plan.render()).contains("+hello").contains("mode 0640");
        assertThat(dir.resolve("motd")).doesNotExist();
        assertThat(ops.journal().list()).isEmpty();
    }

    @Test
    void applyThenRollbackReturnsToTheStartAndASecondRollbackIsANoop() throws Exception {
        Applied<String> done = motd("hello\n").apply();

        assertThat(Files.readString(dir.resolve("motd"))).isEqualTo("hello\n");
        assertThat(done.changed()).isTrue();

        RollbackReport first = done.rollback();
        assertThat(first.undone()).containsExactly("create " + dir.resolve("motd"));
        assertThat(dir.resolve("motd")).doesNotExist();
        assertThat(done.rollback().wasNoop()).isTrue();
    }

    @Test
    void rollbackRestoresThePreviousContentAndShowsADiff() throws Exception {
        Files.writeString(dir.resolve("motd"), "old\n");

        Change<String> change = motd("new\n");
        assertThat(change.plan().render()).contains("-old").contains("+new");
        change.apply().rollback();

        assertThat(Files.readString(dir.resolve("motd"))).isEqualTo("old\n");
    }

    @Test
    void aChangeAlreadyInItsDesiredStatePlansNoSteps() {
        motd("same\n").apply();

        Plan again = motd("same\n").plan();
        assertThat(again.isEmpty()).isTrue();
        assertThat(again.render()).contains("already in the desired state");
        assertThat(motd("same\n").apply().changed()).isFalse();
    }

    @Test
    void validationListsEveryViolationBeforeAnythingRuns() {
        Change<String> bad = ManagedFile.on(host, ops).path("relative/../x").content("x").mode("999").present();

        assertThatThrownBy(bad::plan).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.violations()).extracting(v -> v.field()).containsExactly("path", "path", "mode"));
    }

    @Test
    void aFailingStepRollsBackTheStepsBeforeItAndRethrows() {
        MarkerChange change = new MarkerChange(ops, host, dir, List.of("one", "two", "fail", "three"));

        assertThatThrownBy(change::apply).isInstanceOf(CommandFailedException.class).hasMessageContaining("refusing");

        assertThat(dir.resolve("one")).doesNotExist();
        assertThat(dir.resolve("two")).doesNotExist();
        assertThat(dir.resolve("three")).doesNotExist();
        var record = ops.journal().list().get(0);
        assertThat(record.status()).isEqualTo(ApplyStatus.ROLLED_BACK);
        assertThat(record.steps()).extracting(s -> s.state())
                .containsExactly(StepState.UNDONE, StepState.UNDONE, StepState.FAILED, StepState.PENDING);
    }

    @Test
    void aFailedStepMarkedUndoneAlsoOnFailureIsUndoneByTheAutomaticRollback() throws Exception {
        Path halfMade = dir.resolve("half-made");
        var failsHalfway = CommandAction.of("local", dev.ops.core.host.Command.of("sh", "-c", "touch \"$1\"; exit 5", "sh", halfMade.toString()));
        var cleanUp = CommandAction.of("local", dev.ops.core.host.Command.of("rm", "--", halfMade.toString()));
        AbstractChange<String, Void> change = new AbstractChange<>(ops) {
            @Override
            public String description() {
                return "half-made thing";
            }

            @Override
            protected Planned<Void> planSteps() {
                return Planned.of(List.of(Step.of("make thing", failsHalfway, cleanUp).undoneAlsoOnFailure()));
            }

            @Override
            protected Targets targets() {
                return Targets.of(host);
            }

            @Override
            protected String result(Void none) {
                return "";
            }
        };

        assertThatThrownBy(change::apply).isInstanceOf(CommandFailedException.class);

        assertThat(halfMade).doesNotExist();
        assertThat(ops.journal().list().get(0).steps().get(0).state()).isEqualTo(StepState.UNDONE);
    }

    @Test
    void aRollbackHandleCanBeReloadedByIdFromTheStore() {
        Applied<List<String>> done = new MarkerChange(ops, host, dir, List.of("a", "b")).apply();
        String id = done.id().orElseThrow();

        RollbackReport report = ops.rollback(id, Targets.of(host)).run();

        assertThat(report.undone()).containsExactly("create marker b", "create marker a");
        assertThat(dir.resolve("a")).doesNotExist();
        assertThat(ops.journal().find(id).orElseThrow().status()).isEqualTo(ApplyStatus.ROLLED_BACK);
    }

    @Test
    void everyAppliedAndUndoneStepIsAudited() {
        Ops audited = Ops.inMemory().toBuilder().actor("alice").build();
        new MarkerChange(audited, host, dir, List.of("a", "b")).apply().rollback();

        List<AuditRecord> records = audited.audit().records();
        assertThat(records).extracting(AuditRecord::outcome).containsExactly(
                AuditRecord.Outcome.APPLIED, AuditRecord.Outcome.APPLIED, AuditRecord.Outcome.UNDONE, AuditRecord.Outcome.UNDONE);
        assertThat(records).allSatisfy(r -> {
            assertThat(r.actor()).isEqualTo("alice");
            assertThat(r.target()).isEqualTo("local");
            assertThat(r.time()).isNotNull();
        });
        assertThat(records.get(0).step()).isEqualTo("create marker a");
    }

    @Test
    void pruningKeepsTheNewestFinishedAppliesAndEveryRunningOne() {
        String newest = "";
        for (String name : List.of("a", "b", "c")) {
            newest = new MarkerChange(ops, host, dir, List.of(name)).apply().id().orElseThrow();
        }
        String running = ops.journal().begin(new MarkerChange(ops, host, dir, List.of("d")).plan());

        assertThat(ops.journal().prune(1)).isEqualTo(2);

        assertThat(ops.journal().list()).extracting(r -> r.id()).containsExactly(newest, running);
    }

    @Test
    void plansRenderAsJsonWithActionsAndUndos() {
        String json = new MarkerChange(ops, host, dir, List.of("a")).plan().toJson();

        assertThat(json).contains("\"description\" : \"create marker a\"").contains("\"undo\" : \"rm -- ").contains("\"target\" : \"local\"");
    }
}
