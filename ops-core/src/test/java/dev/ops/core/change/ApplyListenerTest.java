package dev.ops.core.change;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ops.core.Ops;
import dev.ops.core.audit.AuditRecord;
import dev.ops.core.error.CommandFailedException;
import dev.ops.core.host.LocalHost;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(60)
class ApplyListenerTest {
    private final List<String> heard = Collections.synchronizedList(new ArrayList<>());
    private final ApplyListener recorder = new ApplyListener() {
        @Override
        public void planned(ApplyEvent apply) {
            heard.add("planned " + apply.changeType() + " " + apply.plan().steps().size() + " steps");
        }

        @Override
        public void stepStarted(ApplyEvent apply, int index, Step step) {
            heard.add("started " + index + " " + step.description());
        }

        @Override
        public void stepFinished(ApplyEvent apply, int index, Step step, Duration took) {
            heard.add("finished " + index + (took.isNegative() ? " negative" : ""));
        }

        @Override
        public void stepFailed(ApplyEvent apply, int index, Step step, RuntimeException failure, Duration took) {
            heard.add("failed " + index + " " + failure.getClass().getSimpleName());
        }

        @Override
        public void finished(ApplyEvent apply, ApplyEvent.Outcome outcome, Duration took) {
            heard.add("apply " + outcome);
        }

        @Override
        public void stepUndone(AuditRecord record) {
            heard.add("undone " + record.step() + " " + record.outcome());
        }
    };
    private final Ops ops = Ops.builder().store(dev.ops.core.store.InMemoryStateStore.create()).listener(recorder).build();

    @TempDir
    Path dir;

    @Test
    void anApplyIsToldInOrderPlanEachStepStartedAndFinishedThenTheOutcome() {
        new MarkerChange(ops, LocalHost.create(), dir, List.of("a", "b")).apply();

        assertThat(heard).containsExactly("planned MarkerChange 2 steps", "started 0 create marker a", "finished 0",
                "started 1 create marker b", "finished 1", "apply APPLIED");
    }

    @Test
    void aFailedStepIsToldThenEachStepTheRollbackUndoesThenRolledBack() {
        assertThatThrownBy(() -> new MarkerChange(ops, LocalHost.create(), dir, List.of("a", "fail")).apply())
                .isInstanceOf(CommandFailedException.class);

        assertThat(heard).containsExactly("planned MarkerChange 2 steps", "started 0 create marker a", "finished 0",
                "started 1 create marker fail", "failed 1 CommandFailedException", "undone create marker a UNDONE", "apply ROLLED_BACK");
    }

    @Test
    void aFailedStepWhoseRollbackFailsTooEndsFailed() {
        Ops sabotaged = ops.toBuilder().listener(new ApplyListener() {
            @Override
            public void stepStarted(ApplyEvent apply, int index, Step step) {
                if (index == 1) {
                    try {   // marker a becomes a directory: its undo (rm) will fail
                        java.nio.file.Files.delete(dir.resolve("a"));
                        java.nio.file.Files.createDirectory(dir.resolve("a"));
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                }
            }
        }).build();

        assertThatThrownBy(() -> new MarkerChange(sabotaged, LocalHost.create(), dir, List.of("a", "fail")).apply())
                .isInstanceOf(dev.ops.core.error.OpsException.class);

        assertThat(heard).contains("failed 1 CommandFailedException").last().isEqualTo("apply FAILED");
    }

    @Test
    void aRollbackAskedForLaterTellsEachUndoneStep() {
        Applied<List<String>> done = new MarkerChange(ops, LocalHost.create(), dir, List.of("a", "b")).apply();
        heard.clear();

        done.rollback();

        assertThat(heard).containsExactly("undone create marker b UNDONE", "undone create marker a UNDONE");
    }

    @Test
    void aChangeWithNothingToDoIsNotAppliedAndToldNothing() {
        new MarkerChange(ops, LocalHost.create(), dir, List.of("a")).apply();
        heard.clear();

        new MarkerChange(ops, LocalHost.create(), dir, List.of("a")).apply();

        assertThat(heard).isEmpty();
    }

    @Test
    void aListenerThatThrowsChangesNothingAboutTheApply() {
        Ops throwing = ops.toBuilder().listener(new ApplyListener() {
            @Override
            public void stepStarted(ApplyEvent apply, int index, Step step) {
                throw new IllegalStateException("listener bug");
            }
        }).build();

        Applied<List<String>> done = new MarkerChange(throwing, LocalHost.create(), dir, List.of("a")).apply();

        assertThat(done.changed()).isTrue();
        assertThat(dir.resolve("a")).exists();
        assertThat(heard).contains("apply APPLIED");
        assertThat(throwing.listeners()).hasSize(2);
    }
}
