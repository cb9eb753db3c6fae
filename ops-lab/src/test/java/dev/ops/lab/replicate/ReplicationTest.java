package dev.ops.lab.replicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ops.core.Ops;
import dev.ops.core.change.Applied;
import dev.ops.core.change.Plan;
import dev.ops.core.error.OpsException;
import dev.ops.core.error.ValidationException;
import dev.ops.lab.Lab;
import dev.ops.lab.catalog.Catalog;
import dev.ops.lab.catalog.ReplicationTask;
import dev.ops.lab.catalog.ResourceRecord;
import dev.ops.lab.policy.SitePolicy;
import dev.ops.lab.site.Site;
import dev.ops.lab.testing.LabFixture;
import dev.ops.net.ipam.Pool;
import dev.ops.testkit.pve.PveFakeServer;
import dev.ops.core.store.FileStateStore;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A template on the primary node replicates to every other node as one change, recorded in the catalog, rolled back as one. */
@Timeout(60)
class ReplicationTest {
    private final LabFixture fixture = LabFixture.start();
    private final Site site = fixture.site();
    private final PveFakeServer pve = fixture.pve();
    private final Lab lab = fixture.lab();
    private final Ops ops = fixture.ops();

    @AfterEach
    void stop() {
        fixture.close(); // strict: fails on any request the real API would refuse
    }

    @Test
    void aPrimaryTemplateReplicatesToEveryOtherNodeUnderTheSitesNamesAddressesAndMacs() {
        Applied<ReplicationTask> done = lab.replication(ops).replicate(r -> r.vmid(9000)).apply();

        ReplicationTask task = done.value();
        assertThat(task.status()).isEqualTo("done");
        assertThat(task.progress()).isEqualTo(1.0);
        assertThat(task.targets()).extracting(t -> t.node() + " " + t.name() + " " + t.address())
                .containsExactly("pve2 pve-pve2-tpl-01 10.10.2.100/24", "pve3 pve-pve3-tpl-01 10.10.3.100/24");
        for (var t : task.targets()) {
            Map<String, String> cfg = pve.guestConfig(t.vmid()).orElseThrow();
            assertThat(pve.guestNode(t.vmid())).contains(t.node());
            assertThat(cfg.get("name")).isEqualTo(t.name());
            assertThat(cfg.get("net0")).containsIgnoringCase(t.mac()).contains("bridge=vmbr0");
            assertThat(t.mac()).startsWith("02:00:00:");
            assertThat(cfg.get("ipconfig0")).isEqualTo("ip=" + t.address() + ",gw=10.10." + t.node().charAt(3) + ".1");
            assertThat(cfg.get("template")).isEqualTo("1");
        }
    }

    @Test
    void theCatalogRecordsOriginTemplateAndReplicaFlag() {
        ReplicationTask task = lab.replication(ops).replicate(r -> r.vmid(9000)).apply().value();

        Catalog catalog = lab.catalog(ops);
        ResourceRecord pve2 = catalog.resource(task.target("pve2").vmid()).orElseThrow();
        assertThat(pve2.originNode()).isEqualTo("pve1");
        assertThat(pve2.originVmid()).isEqualTo(9000);
        assertThat(pve2.originTemplate()).isEqualTo("debian-12");
        assertThat(pve2.replica()).isTrue();
        assertThat(pve2.namingCompliant()).isTrue();
        assertThat(catalog.replicatedNodes(9000)).containsExactly("pve2", "pve3");
        assertThat(catalog.task(task.id())).contains(task);
        assertThat(catalog.addresses("pve2")).singleElement().satisfies(a -> {
            assertThat(a.address().toString()).isEqualTo("10.10.2.100");
            assertThat(a.at()).isNotNull();
        });
        assertThat(catalog.nextFreeAddress("pve2", Pool.VM)).hasValueSatisfying(a -> assertThat(a.toString()).isEqualTo("10.10.2.101"));
    }

    @Test
    void oneRollbackRemovesEveryReplicaAllocationAndRecord() {
        Applied<ReplicationTask> done = lab.replication(ops).replicate(r -> r.vmid(9000)).apply();

        done.rollback();

        for (var t : done.value().targets()) {
            assertThat(pve.hasGuest(t.vmid())).isFalse();
        }
        Catalog catalog = lab.catalog(ops);
        assertThat(catalog.resources()).isEmpty();
        assertThat(catalog.addresses("pve2")).isEmpty();
        assertThat(catalog.task(done.value().id()).orElseThrow().status()).isEqualTo("rolled-back");
    }

    @Test
    void onTheFileStoreTheCatalogOutlivesTheProcessAndTheRollbackRunsFromAFreshStore(@TempDir Path dir) {
        String id;
        ReplicationTask task;
        try (FileStateStore store = FileStateStore.open(dir)) {
            Ops fileOps = ops.toBuilder().store(store).build();
            Applied<ReplicationTask> done = lab.replication(fileOps).replicate(r -> r.vmid(9000)).apply();
            id = done.id().orElseThrow();
            task = done.value();
        }
        try (FileStateStore store = FileStateStore.open(dir)) {
            Ops fresh = Ops.builder().store(store).build();
            assertThat(lab.catalog(fresh).task(task.id())).contains(task);

            fresh.rollback(id, lab.client().targets(fresh)).run();

            assertThat(lab.catalog(fresh).resources()).isEmpty();
            assertThat(lab.catalog(fresh).addresses("pve3")).isEmpty();
            task.targets().forEach(t -> assertThat(pve.hasGuest(t.vmid())).isFalse());
        }
    }

    @Test
    void thePlanIsPureAndNamesTheStepsPerTarget() {
        var change = lab.replication(ops).replicate(r -> r.vmid(9000).taskId("t1"));
        int calls = pve.requests().size();

        Plan plan = change.plan();

        assertThat(plan.render()).contains("open replication task t1 for pve1/9000 to pve2, pve3");
        assertThat(pve.requests().subList(calls, pve.requests().size())).allSatisfy(c -> assertThat(c.method()).isEqualTo("GET"));
        assertThat(lab.catalog(ops).task("t1")).isEmpty();
        assertThat(SitePolicy.approvalsFor(site, plan)).isNotEmpty();
    }

    @Test
    void aFailedCloneLeavesNoGuestAllocationOrRecordBehind() {
        pve.failTasks("qmclone", "clone failed: out of space");

        assertThatThrownBy(() -> lab.replication(ops).replicate(r -> r.vmid(9000).taskId("t2")).apply()).isInstanceOf(OpsException.class);

        Catalog catalog = lab.catalog(ops);
        assertThat(catalog.resources()).isEmpty();
        assertThat(catalog.addresses("pve2")).isEmpty();
        assertThat(catalog.addresses("pve3")).isEmpty();
        assertThat(catalog.task("t2")).hasValueSatisfying(t -> assertThat(t.status()).isEqualTo("rolled-back"));
    }

    @Test
    void reconcilePlansOnlyWhatIsMissing() {
        lab.replication(ops).replicate(r -> r.vmid(9000).targets("pve2")).apply();

        assertThat(lab.replication(ops).missing()).singleElement().satisfies(r -> assertThat(r.targets()).containsExactly("pve3"));
        lab.replication(ops).reconcile().orElseThrow().apply();
        assertThat(lab.replication(ops).missing()).isEmpty();
        assertThat(lab.replication(ops).reconcile()).isEmpty();
    }

    @Test
    void badTargetsAreRefusedBeforeAnythingRuns() {
        assertThatThrownBy(() -> lab.replication(ops).replicate(r -> r.vmid(9000).targets("pve1", "pve7")))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.getMessage())
                        .contains("'pve7' is not a node of the site").contains("'pve1' is the source's own node"));
    }

    @Test
    void withoutApprovalAReplicationIsRefusedAndNothingIsMade() {
        Ops strict = Ops.inMemory().toBuilder().policy(SitePolicy.of(site)).build();

        assertThatThrownBy(() -> lab.replication(strict).replicate(r -> r.vmid(9000)).apply())
                .hasMessageContaining("approval_required (action-policies.yml)").hasMessageContaining("approval required for replicate");
        assertThat(lab.catalog(strict).resources()).isEmpty();
    }
}
