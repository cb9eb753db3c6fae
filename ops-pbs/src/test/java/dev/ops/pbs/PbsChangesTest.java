package dev.ops.pbs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ops.core.Ops;
import dev.ops.core.change.Applied;
import dev.ops.core.change.Plan;
import dev.ops.core.error.NotFoundException;
import dev.ops.core.error.ValidationException;
import dev.ops.testkit.pbs.PbsFakeServer;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Changes of a PBS, each with a plan and a rollback: namespaces, snapshot protection and notes. */
class PbsChangesTest {
    private static final String SNAP = "vm/100/2026-01-01T00:00:00Z";
    private final PbsFakeServer pbs = PbsFakeServer.start();
    private final PbsClient client = PbsFixture.client(pbs);
    private final Ops ops = Ops.inMemory();
    private final SnapshotRef ref = SnapshotRef.parse(SNAP);

    @AfterEach
    void close() {
        client.close();
        pbs.close();
        assertThat(pbs.violations()).isEmpty();
    }

    @Test
    void aCreatedNamespaceIsRemovedByRollbackWhileEmpty() {
        pbs.datastore("store1").namespace("prod");

        var change = client.changes(ops).createNamespace("store1", Namespace.of("prod/db"));
        Plan plan = change.plan();
        assertThat(plan.render()).contains("create namespace prod/db in store1");
        assertThat(pbs.datastore("store1").namespaces()).doesNotContain("prod/db");

        Applied<Namespace> applied = change.apply(plan);
        assertThat(pbs.datastore("store1").namespaces()).contains("prod/db");

        applied.rollback();
        assertThat(pbs.datastore("store1").namespaces()).containsExactly("", "prod");
    }

    @Test
    void anExistingNamespaceNeedsNoStepAndAMissingParentIsNotFound() {
        pbs.datastore("store1").namespace("prod");

        assertThat(client.changes(ops).createNamespace("store1", Namespace.of("prod")).plan().isEmpty()).isTrue();
        assertThatThrownBy(() -> client.changes(ops).createNamespace("store1", Namespace.of("dev/db")).plan())
                .isInstanceOf(NotFoundException.class).hasMessageContaining("dev");
    }

    @Test
    void aNamespaceThatGotBackupsIsNotRemovedByRollbackWhichSaysSo() {
        pbs.datastore("store1");
        Applied<Namespace> applied = client.changes(ops).createNamespace("store1", Namespace.of("new")).apply();
        pbs.datastore("store1").snapshot("new", SNAP);

        assertThatThrownBy(applied::rollback).isInstanceOf(dev.ops.core.error.RollbackFailedException.class)
                .hasMessageContaining("namespace 'new' is not empty");

        assertThat(pbs.datastore("store1").namespaces()).contains("new");
        assertThat(pbs.datastore("store1").snapshots("new")).containsExactly(SNAP);
    }

    @Test
    void protectionTogglesAndRollsBack() {
        pbs.datastore("store1").snapshot("", SNAP);

        Applied<Boolean> applied = client.changes(ops).protection("store1", Namespace.root(), ref, true).apply();
        assertThat(pbs.datastore("store1").isProtected("", SNAP)).isTrue();
        assertThat(client.changes(ops).protection("store1", Namespace.root(), ref, true).plan().isEmpty()).isTrue();

        applied.rollback();
        assertThat(pbs.datastore("store1").isProtected("", SNAP)).isFalse();
    }

    @Test
    void protectingASnapshotThatDoesNotExistIsNotFound() {
        pbs.datastore("store1");
        SnapshotRef missing = SnapshotRef.of(BackupType.CT, "300", Instant.parse("2026-02-01T00:00:00Z"));

        assertThatThrownBy(() -> client.changes(ops).protection("store1", Namespace.root(), missing, true).plan())
                .isInstanceOf(NotFoundException.class).hasMessageContaining("ct/300");
    }

    @Test
    void notesAreSetAndTheOldOnesComeBackOnRollback() {
        pbs.datastore("store1").snapshot("", SNAP);
        client.changes(ops).notes("store1", Namespace.root(), ref, "before upgrade").apply();

        Applied<String> second = client.changes(ops).notes("store1", Namespace.root(), ref, "after upgrade\nkernel 6.14").apply();
        assertThat(pbs.datastore("store1").notes("", SNAP)).isEqualTo("after upgrade\nkernel 6.14");
        assertThat(client.datastore("store1").snapshots(Namespace.root()).get(0).comment()).hasValue("after upgrade");

        second.rollback();
        assertThat(pbs.datastore("store1").notes("", SNAP)).isEqualTo("before upgrade");
    }

    @Test
    void aSnapshotRefNamesTheFieldThatIsWrong() {
        assertThatThrownBy(() -> SnapshotRef.parse("vm/100/yesterday")).isInstanceOf(ValidationException.class)
                .hasMessageContaining("backup-time");
        assertThatThrownBy(() -> SnapshotRef.parse("qemu/100/2026-01-01T00:00:00Z")).isInstanceOf(ValidationException.class)
                .hasMessageContaining("backup-type");
    }
}
