package dev.ops.pbs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ops.core.Ops;
import dev.ops.core.error.NotFoundException;
import dev.ops.core.error.OpsException;
import dev.ops.core.error.ValidationException;
import dev.ops.core.retention.RetentionPlan;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The bad input the issue names: unknown datastores, namespaces deeper than PBS allows, keep values
 * below 1, an unknown time zone, snapshots listed out of order, a backup type other than vm/ct/host,
 * a UPID where the schema promised null. Each is a typed error or handled right, with nothing written.
 */
@Timeout(60)
class BadInputTest {
    private final dev.ops.testkit.pbs.PbsFakeServer pbs = dev.ops.testkit.pbs.PbsFakeServer.start();
    private final PbsClient client = PbsFixture.client(pbs);
    private final Ops ops = Ops.inMemory();

    @AfterEach
    void close() {
        client.close();
        pbs.close();
    }

    private boolean nothingWritten() {
        return pbs.calls().stream().allMatch(c -> c.startsWith("GET"));
    }

    @Test
    void anUnknownDatastoreIsNotFoundForReadsAndChangesAndNothingIsWritten() {
        pbs.datastore("store1");

        assertThatThrownBy(() -> client.datastore("nope").snapshots(Namespace.root())).isInstanceOf(OpsException.class)
                .hasMessageContaining("nope");
        assertThatThrownBy(() -> client.changes(ops).prune("nope", Namespace.root(), BackupType.VM, "100", p -> p.keepLast(1)).plan())
                .isInstanceOf(OpsException.class).hasMessageContaining("nope");
        assertThatThrownBy(() -> client.changes(ops).garbageCollect("nope").plan()).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> client.changes(ops).verifyJob(v -> v.id("verify-all").store("nope")).plan()).isInstanceOf(NotFoundException.class)
                .hasMessageContaining("datastore nope");
        assertThat(nothingWritten()).isTrue();
    }

    @Test
    void aNamespaceDeeperThanPbsAllowsIsRefusedWhenNamedAndByTheServer() {
        // 7 names below the root are PBS's 8 levels (the root is one); the schema's pattern would admit an eighth name.
        assertThat(Namespace.of("a/b/c/d/e/f/g").depth()).isEqualTo(Namespace.MAX_DEPTH).isEqualTo(7);
        assertThatThrownBy(() -> Namespace.of("a/b/c/d/e/f/g/h")).isInstanceOf(ValidationException.class)
                .hasMessageContaining("has 8 names below the root; PBS allows at most 7 (8 levels counting the root namespace)");
        assertThatThrownBy(() -> Namespace.of("a/b/c/d/e/f/g/h/i")).isInstanceOf(ValidationException.class)
                .hasMessageContaining("has 9 names below the root");
        assertThatThrownBy(() -> Namespace.of("a//b")).isInstanceOf(ValidationException.class).hasMessageContaining("ns");
        assertThatThrownBy(() -> PruneJobRequest.builder().id("p1").store("s").schedule("daily").keepLast(1).maxDepth(8).build())
                .isInstanceOf(ValidationException.class).hasMessageContaining("max-depth");
        pbs.datastore("store1").namespace("a/b/c/d/e/f/g");
        assertThat(client.datastore("store1").namespaces()).hasSize(8);
        assertThatThrownBy(() -> client.api().post("/admin/datastore/{store}/namespace",
                java.util.Map.of("store", "store1", "parent", "a/b/c/d/e/f/g", "name", "h"))).hasMessageContaining("too deep");
    }

    @Test
    void keepValuesBelowOneAreRefusedEverywhereWithTheFieldNamed() {
        pbs.datastore("store1").snapshot("", "vm/100/2026-01-01T00:00:00Z");

        assertThatThrownBy(() -> client.changes(ops).prune("store1", Namespace.root(), BackupType.VM, "100", p -> p.keepDaily(0)).plan())
                .isInstanceOf(ValidationException.class).hasMessageContaining("keep");
        assertThatThrownBy(() -> PruneJobRequest.builder().id("p1").store("store1").schedule("daily").keepWeekly(0).keepYearly(-2).build())
                .isInstanceOf(ValidationException.class).hasMessageContaining("keep-weekly").hasMessageContaining("keep-yearly");
        assertThatThrownBy(() -> SyncJobRequest.builder().id("s1").store("store1").remote("r").remoteStore("x").transferLast(0).build())
                .isInstanceOf(ValidationException.class).hasMessageContaining("transfer-last").hasMessageContaining("3 characters");
        assertThat(pbs.datastore("store1").snapshots("")).hasSize(1);
        assertThat(nothingWritten()).isTrue();
    }

    @Test
    void anUnknownTimeZoneIsAnErrorNeverUtc() {
        pbs.datastore("store1").snapshot("", "vm/100/2026-01-01T00:00:00Z").snapshot("", "vm/100/2026-01-02T00:00:00Z");
        pbs.timeZone("Atlantis/Capital");

        assertThatThrownBy(client::timeZone).isInstanceOf(ValidationException.class).hasMessageContaining("Atlantis/Capital");
        assertThatThrownBy(() -> client.changes(ops).prune("store1", Namespace.root(), BackupType.VM, "100", p -> p.keepLast(1)).apply())
                .isInstanceOf(ValidationException.class);
        assertThat(pbs.datastore("store1").snapshots("")).hasSize(2);
        assertThat(nothingWritten()).isTrue();
    }

    @Test
    void snapshotsListedOutOfOrderAreSortedAndPrunedAsPbsWould() {
        var seed = pbs.datastore("store1");
        for (int day = 1; day <= 9; day++) {
            seed.snapshot("", "vm/100/2026-01-0" + day + "T00:00:00Z").snapshot("", "ct/200/2026-01-0" + day + "T12:00:00Z");
        }
        pbs.scrambleListings();

        List<Snapshot> listed = client.datastore("store1").snapshots(Namespace.root());
        assertThat(listed).extracting(s -> s.ref().path()).startsWith("ct/200/2026-01-09T12:00:00Z", "ct/200/2026-01-08T12:00:00Z")
                .contains("vm/100/2026-01-09T00:00:00Z");
        RetentionPlan plan = client.changes(ops).prune("store1", Namespace.root(), BackupType.VM, "100", p -> p.keepLast(2)).apply().value();
        assertThat(plan.kept()).extracting(d -> d.item().id()).containsExactlyInAnyOrder("vm/100/2026-01-09T00:00:00Z",
                "vm/100/2026-01-08T00:00:00Z");
        assertThat(pbs.datastore("store1").snapshots("")).filteredOn(p -> p.startsWith("vm/")).hasSize(2);
    }

    @Test
    void aBackupTypeOtherThanVmCtOrHostIsATypedErrorNamingIt() {
        assertThatThrownBy(() -> BackupType.parse("qemu")).isInstanceOf(ValidationException.class).hasMessageContaining("backup-type")
                .hasMessageContaining("'qemu'");
        assertThatThrownBy(() -> SnapshotRef.parse("lxc/100/2026-01-01T00:00:00Z")).isInstanceOf(ValidationException.class)
                .hasMessageContaining("vm, ct, host");
        pbs.datastore("store1").snapshot("", "qemu/100/2026-01-01T00:00:00Z");
        assertThatThrownBy(() -> client.datastore("store1").snapshots(Namespace.root())).isInstanceOf(ValidationException.class)
                .hasMessageContaining("qemu");
    }

    @Test
    void aUpidWhereTheSchemaPromisedNullIsAwaitedUntilTheTaskEnds() {
        pbs.datastore("store1").snapshot("", "vm/100/2026-01-01T00:00:00Z");
        client.changes(ops).verifyJob(v -> v.id("verify-all").store("store1")).apply();
        pbs.taskDuration(Duration.ofMillis(400));

        client.changes(ops).runVerifyJob("verify-all").apply();

        // The run's answer is a UPID (the schema says null): apply returned only when its task had ended.
        assertThat(pbs.datastore("store1").verification("", "vm/100/2026-01-01T00:00:00Z")).hasValue("ok");
        String upid = pbs.tasks().getLast();
        assertThat(client.task(upid).status().running()).isFalse();
    }

    @Test
    void anErrorTheServerAnswersOnceIsTypedAndTheNextCallWorks() {
        pbs.datastore("store1").snapshot("", "vm/100/2026-01-01T00:00:00Z");
        pbs.answerNext("PUT", "/admin/datastore/{store}/protected", dev.ops.testkit.pve.PveAnswer.error(400, "unable to acquire lock"));

        assertThatThrownBy(() -> client.changes(ops).protection("store1", Namespace.root(),
                SnapshotRef.parse("vm/100/2026-01-01T00:00:00Z"), true).apply()).isInstanceOf(OpsException.class)
                .hasMessageContaining("unable to acquire lock");
        assertThat(pbs.datastore("store1").isProtected("", "vm/100/2026-01-01T00:00:00Z")).isFalse();
        client.changes(ops).protection("store1", Namespace.root(), SnapshotRef.parse("vm/100/2026-01-01T00:00:00Z"), true).apply();
        assertThat(pbs.datastore("store1").isProtected("", "vm/100/2026-01-01T00:00:00Z")).isTrue();
    }
}
