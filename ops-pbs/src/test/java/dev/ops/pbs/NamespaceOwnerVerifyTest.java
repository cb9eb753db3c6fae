package dev.ops.pbs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ops.core.Ops;
import dev.ops.core.change.Applied;
import dev.ops.core.change.Plan;
import dev.ops.core.error.ConflictException;
import dev.ops.core.error.NotFoundException;
import dev.ops.core.error.ValidationException;
import dev.ops.proxmox.error.ProxmoxTaskFailedException;
import dev.ops.testkit.pbs.PbsFakeServer;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Namespace deletion naming what it holds, group owner changes, and verification of a snapshot, a group and a datastore. */
@Timeout(60)
class NamespaceOwnerVerifyTest {
    private static final String A = "vm/100/2026-01-01T00:00:00Z";
    private static final String B = "vm/100/2026-01-02T00:00:00Z";
    private static final String C = "ct/200/2026-01-02T00:00:00Z";
    private final PbsFakeServer pbs = PbsFakeServer.start();
    private final PbsClient client = PbsFixture.client(pbs);
    private final Ops ops = Ops.inMemory();

    @AfterEach
    void close() {
        client.close();
        pbs.close();
        assertThat(pbs.violations()).isEmpty();
    }

    @Test
    void deletingANamespaceNamesItsChildrenGroupsAndSnapshotsAndCannotBeUndone() {
        pbs.datastore("store1").namespace("prod/db").snapshot("prod", A).snapshot("prod", B).snapshot("prod/db", C);

        var change = client.changes(ops).deleteNamespace("store1", Namespace.of("prod"));
        Plan plan = change.plan();

        assertThat(plan.render()).contains("child namespaces [prod/db]").contains("2 group(s) with 3 snapshot(s)")
                .contains("vm/100=2").contains("prod/db:ct/200=1").contains("delete-groups=1");
        assertThat(plan.steps()).allSatisfy(s -> assertThat(s.undo()).isEmpty());
        change.apply(plan);
        assertThat(pbs.datastore("store1").namespaces()).containsExactly("");
    }

    @Test
    void anEmptyNamespaceTreeComesBackOnRollbackParentsFirst() {
        pbs.datastore("store1").namespace("dev/a/b").namespace("dev/c");

        Applied<Namespace> applied = client.changes(ops).deleteNamespace("store1", Namespace.of("dev")).apply();
        assertThat(pbs.datastore("store1").namespaces()).containsExactly("");

        applied.rollback();
        assertThat(pbs.datastore("store1").namespaces()).containsExactlyInAnyOrder("", "dev", "dev/a", "dev/a/b", "dev/c");
    }

    @Test
    void aProtectedSnapshotBelowRefusesTheDeletionAtPlanAndAMissingNamespaceNeedsNoStep() {
        pbs.datastore("store1").namespace("prod/db").snapshot("prod/db", A, true, true);

        assertThatThrownBy(() -> client.changes(ops).deleteNamespace("store1", Namespace.of("prod")).plan())
                .isInstanceOf(ConflictException.class).hasMessageContaining("protected").hasMessageContaining("prod/db:" + A);
        assertThat(client.changes(ops).deleteNamespace("store1", Namespace.of("gone")).plan().isEmpty()).isTrue();
        assertThatThrownBy(() -> client.changes(ops).deleteNamespace("store1", Namespace.root()).plan())
                .isInstanceOf(ValidationException.class).hasMessageContaining("ns");
        assertThat(pbs.datastore("store1").namespaces()).contains("prod", "prod/db");
    }

    @Test
    void anOwnerChangeIsRolledBackToTheOldOwner() {
        pbs.datastore("store1").snapshot("", A).snapshot("", B);

        var change = client.changes(ops).owner("store1", Namespace.root(), BackupType.VM, "100", "backup@pbs!sync");
        assertThat(change.plan().render()).contains("owner was root@pam").contains("new-owner=backup@pbs!sync");
        Applied<String> applied = change.apply();
        assertThat(pbs.datastore("store1").owner("", "vm/100")).isEqualTo("backup@pbs!sync");
        assertThat(client.changes(ops).owner("store1", Namespace.root(), BackupType.VM, "100", "backup@pbs!sync").plan().isEmpty())
                .isTrue();

        applied.rollback();
        assertThat(pbs.datastore("store1").owner("", "vm/100")).isEqualTo("root@pam");
    }

    @Test
    void anOwnerMustBeAnAuthIdAndTheGroupMustExist() {
        pbs.datastore("store1").snapshot("", A);

        assertThatThrownBy(() -> client.changes(ops).owner("store1", Namespace.root(), BackupType.VM, "100", "root").plan())
                .isInstanceOf(ValidationException.class).hasMessageContaining("new-owner");
        assertThatThrownBy(() -> client.changes(ops).owner("store1", Namespace.root(), BackupType.CT, "100", "root@pam").plan())
                .isInstanceOf(NotFoundException.class).hasMessageContaining("ct/100");
    }

    @Test
    void verifyingASnapshotIsAnAwaitedTaskThatRecordsOk() {
        pbs.taskDuration(Duration.ofMillis(150));
        pbs.datastore("store1").snapshot("", A).snapshot("", B);

        var change = client.changes(ops).verify("store1", Namespace.root(), VerifyScope.snapshot(SnapshotRef.parse(B)));
        assertThat(change.plan().render()).contains("1 snapshot(s), 1 never verified").contains("backup-time=");
        List<Snapshot> verified = change.apply().value();

        assertThat(verified).singleElement().satisfies(s -> assertThat(s.verification()).hasValue("ok"));
        assertThat(pbs.datastore("store1").verification("", A)).isEmpty();
    }

    @Test
    void verifyingAGroupWithADamagedSnapshotFailsLikeAnyFailedTaskAndMarksIt() {
        pbs.datastore("store1").snapshot("", A).snapshot("", B).corrupt("", A);

        assertThatThrownBy(() -> client.changes(ops).verify("store1", Namespace.root(), VerifyScope.group(BackupType.VM, "100")).apply())
                .isInstanceOf(ProxmoxTaskFailedException.class).hasMessageContaining("verification failed");
        assertThat(pbs.datastore("store1").verification("", A)).hasValue("failed");
        assertThat(pbs.datastore("store1").verification("", B)).hasValue("ok");
    }

    @Test
    void verifyingTheDatastoreCoversEveryNamespaceAndCanSkipVerifiedOnes() {
        pbs.datastore("store1").namespace("prod").snapshot("", A).snapshot("prod", C).verified("", A, "ok");

        var change = client.changes(ops).verify("store1", Namespace.root(), VerifyScope.datastore().skipVerified());
        assertThat(change.plan().render()).contains("every snapshot").contains("2 snapshot(s), 1 never verified").contains("ignore-verified=1");
        assertThat(change.apply().value()).hasSize(2).allSatisfy(s -> assertThat(s.verification()).hasValue("ok"));
        assertThat(pbs.tasks()).last().asString().contains(":verify:store1:");
    }

    @Test
    void aTaskFailureInjectedByTheTestFailsTheVerification() {
        pbs.datastore("store1").snapshot("", A);
        pbs.failTasks("verify_snapshot", "unable to acquire lock on snapshot directory");

        assertThatThrownBy(() -> client.changes(ops).verify("store1", Namespace.root(), VerifyScope.snapshot(SnapshotRef.parse(A))).apply())
                .isInstanceOf(ProxmoxTaskFailedException.class).hasMessageContaining("unable to acquire lock");
    }

    @Test
    void verifyingInAnUnknownDatastoreOrNamespaceIsNotFound() {
        pbs.datastore("store1").snapshot("", A);

        assertThatThrownBy(() -> client.changes(ops).verify("nope", Namespace.root(), VerifyScope.datastore()).plan())
                .isInstanceOf(NotFoundException.class).hasMessageContaining("datastore nope");
        assertThatThrownBy(() -> client.changes(ops).verify("store1", Namespace.of("x"), VerifyScope.datastore()).plan())
                .isInstanceOf(NotFoundException.class).hasMessageContaining("namespace x");
        assertThatThrownBy(() -> client.changes(ops).verify("store1", Namespace.root(), VerifyScope.snapshot(SnapshotRef.parse(B))).plan())
                .isInstanceOf(NotFoundException.class).hasMessageContaining(B);
    }
}
