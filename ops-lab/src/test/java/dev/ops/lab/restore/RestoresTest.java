package dev.ops.lab.restore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ops.core.Ops;
import dev.ops.core.change.Applied;
import dev.ops.core.error.ValidationException;
import dev.ops.lab.Lab;
import dev.ops.lab.catalog.ReplicationTask;
import dev.ops.lab.catalog.ResourceRecord;
import dev.ops.lab.catalog.TargetResult;
import dev.ops.lab.site.Site;
import dev.ops.lab.testing.LabFakes;
import dev.ops.lab.testing.LabFixture;
import dev.ops.testkit.pbs.PbsFakeServer;
import dev.ops.testkit.pve.PveFakeServer;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A backup restored on another node takes a new VMID, name, address and MAC from the allocators replication uses. */
@Timeout(60)
class RestoresTest {
    private static final String ARCHIVE = LabFakes.ARCHIVE;
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
    void aBackupIsRestoredOnAnotherNodeUnderANewIdentity() {
        Applied<ReplicationTask> done = lab.restores(ops).restore(r -> r.archive(ARCHIVE).node("pve3")).apply();

        TargetResult t = done.value().target("pve3");
        assertThat(done.value().status()).isEqualTo("done");
        assertThat(t.name()).isEqualTo("pve-pve3-vm-01");
        assertThat(t.mac()).startsWith("02:00:00:");
        Map<String, String> cfg = pve.guestConfig(t.vmid()).orElseThrow();
        assertThat(pve.guestNode(t.vmid())).contains("pve3");
        assertThat(cfg).containsEntry("name", "pve-pve3-vm-01").containsEntry("ipconfig0", "ip=10.10.3.100/24,gw=10.10.3.1");
        assertThat(cfg.get("net0")).containsIgnoringCase(t.mac());
        ResourceRecord r = lab.catalog(ops).resource(t.vmid()).orElseThrow();
        assertThat(r.originVmid()).isEqualTo(101);
        assertThat(r.originTemplate()).isEqualTo(ARCHIVE);
        assertThat(r.replica()).isFalse();
    }

    @Test
    void aPbsSnapshotIsRestoredOnAnotherNodeUnderANewIdentity() {
        try (PbsFakeServer pbs = PbsFakeServer.start()) {
            pbs.datastore("store1");
            var client = dev.ops.pve.testing.Fakes.client(pve);
            dev.ops.pve.backup.PveBackups.on(client, ops).pbsStorage(s -> s.storage("pbs").server("127.0.0.1")
                    .port(dev.ops.core.text.AsciiNumbers.parseInt(pbs.baseUrl().replaceAll(".*:", ""))).datastore("store1")
                    .username("root@pam!ops").password(dev.ops.core.secret.Secret.of(PbsFakeServer.TOKEN_SECRET))
                    .fingerprint(pbs.fingerprint())).apply();
            client.changes(ops).backup(client.node("pve1").lxc().container(200), b -> b.storage("pbs").mode("snapshot")).apply();
            String archive = client.node("pve1").storage("pbs").list().stream().map(i -> i.volid())
                    .filter(v -> v.contains("backup/ct/200/")).findFirst().orElseThrow();

            Applied<ReplicationTask> done = lab.restores(ops).restore(r -> r.archive(archive).node("pve3").container(true)).apply();

            TargetResult t = done.value().target("pve3");
            assertThat(done.value().status()).isEqualTo("done");
            assertThat(pve.guestNode(t.vmid())).contains("pve3");
            assertThat(t.mac()).startsWith("02:00:00:");
            assertThat(pve.guestConfig(t.vmid()).orElseThrow().get("net0")).containsIgnoringCase(t.mac()).contains("ip=" + t.address()); // the container range
            assertThat(lab.catalog(ops).resource(t.vmid()).orElseThrow().originTemplate()).isEqualTo(archive);
            done.rollback();
            assertThat(pve.hasGuest(t.vmid())).isFalse();
            assertThat(pbs.violations()).isEmpty();
        }
    }

    @Test
    void restoreAndReplicationShareTheAllocators() {
        var replica = lab.replication(ops).replicate(r -> r.vmid(9000).targets("pve2")).apply().value().target("pve2");
        var restored = lab.restores(ops).restore(r -> r.archive(ARCHIVE).node("pve2")).apply().value().target("pve2");

        assertThat(restored.vmid()).isNotEqualTo(replica.vmid());
        assertThat(restored.address()).isEqualTo("10.10.2.101/24");
        assertThat(restored.mac()).isNotEqualTo(replica.mac());
    }

    @Test
    void theRollbackRemovesTheGuestAndGivesEverythingBack() {
        Applied<ReplicationTask> done = lab.restores(ops).restore(r -> r.archive(ARCHIVE).node("pve3")).apply();

        done.rollback();

        assertThat(pve.hasGuest(done.value().target("pve3").vmid())).isFalse();
        assertThat(lab.catalog(ops).resources()).isEmpty();
        assertThat(lab.catalog(ops).addresses("pve3")).isEmpty();
    }

    @Test
    void aNodeOutsideTheSiteIsRefused() {
        assertThatThrownBy(() -> lab.restores(ops).restore(r -> r.archive(ARCHIVE).node("pve7"))).isInstanceOf(ValidationException.class)
                .hasMessageContaining("'pve7' is not a node of the site");
    }
}
