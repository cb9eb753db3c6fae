package dev.ops.pve.change;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ops.core.Ops;
import dev.ops.core.change.Applied;
import dev.ops.core.change.Plan;
import dev.ops.core.error.NotFoundException;
import dev.ops.pve.PveChanges;
import dev.ops.pve.PveClient;
import dev.ops.pve.guest.Guest;
import dev.ops.pve.guest.GuestConfig;
import dev.ops.pve.ha.HaStatusEntry;
import dev.ops.pve.node.RrdPoint;
import dev.ops.pve.node.RrdTimeframe;
import dev.ops.proxmox.task.ProxmoxTask;
import dev.ops.proxmox.task.TaskStatus;
import dev.ops.pve.testing.Fakes;
import dev.ops.testkit.pve.PveFakeServer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The calls operators use beyond guests and storage, each a read or a change, against the schema-enforcing fake. */
@Timeout(30)
class OperatorCallsTest {
    private final PveFakeServer pve = Fakes.cluster().storage("local", "iso,vztmpl,backup").storage("local-lvm", "images,rootdir").storage("fast", "images,rootdir")
            .vm(101, "pve1", vm -> vm.name("web").set("scsi0", "local-lvm:vm-101-disk-0,size=8G").running())
            .container(200, "pve1", ct -> ct.name("ct").set("rootfs", "local-lvm:subvol-200-disk-0,size=4G"))
            .start();
    private final PveClient client = Fakes.client(pve);
    private final PveChanges changes = client.changes(Ops.inMemory());

    @AfterEach
    void stop() {
        pve.close();
    }

    private Guest vm(int vmid) {
        return client.node("pve1").qemu().vm(vmid);
    }

    @Test
    void readsTheNodesVersionRrdDataAndTheHaManagersStatus() {
        changes.haAdd(vm(101), h -> h.state("started")).apply();

        assertThat(client.node("pve1").version().major()).isGreaterThanOrEqualTo(8);
        List<RrdPoint> rrd = client.node("pve1").rrd(RrdTimeframe.HOUR);
        assertThat(rrd).hasSize(70);
        assertThat(rrd.get(0).value("cpu")).isPresent();
        assertThat(client.node("pve1").rrd(vm(101), RrdTimeframe.DAY).get(69).value("maxmem")).isPresent();
        List<HaStatusEntry> ha = client.ha().status();
        assertThat(ha).extracting(HaStatusEntry::type).contains("quorum", "master", "lrm", "service");
        assertThat(ha).filteredOn(HaStatusEntry::service).singleElement()
                .satisfies(s -> assertThat(s.sid()).isEqualTo("vm:101"))
                .satisfies(s -> assertThat(s.state()).isEqualTo("started"));
    }

    @Test
    void aFirewallOptionsPlanShowsOldToNewAndTheRollbackPutsThemBack() {
        Plan plan = changes.nodeFirewallOptions(client.node("pve1"), Map.of("enable", "0", "log_level_in", "info")).plan();
        assertThat(plan.notes()).contains("enable: 1 -> 0", "log_level_in: (default) -> info");

        Applied<Map<String, String>> done = changes.nodeFirewallOptions(client.node("pve1"), Map.of("enable", "0", "log_level_in", "info")).apply();
        assertThat(client.node("pve1").firewallOptions()).containsEntry("enable", "0").containsEntry("log_level_in", "info");
        done.rollback();
        assertThat(client.node("pve1").firewallOptions()).containsEntry("enable", "1").doesNotContainKey("log_level_in");

        changes.clusterFirewallOptions(Map.of("enable", "1", "policy_in", "DROP")).apply();
        assertThat(client.cluster().firewallOptions()).containsEntry("enable", "1");
        assertThat(changes.clusterFirewallOptions(Map.of("enable", "1")).plan().isEmpty()).isTrue();
    }

    @Test
    void aDiskMovedToAnotherStorageMovesBackOnRollback() {
        Applied<GuestConfig> done = changes.moveDisk(vm(101), "scsi0", "fast").apply();
        assertThat(vm(101).config().values().get("scsi0")).startsWith("fast:vm-101-disk-0");

        done.rollback();
        assertThat(vm(101).config().values().get("scsi0")).startsWith("local-lvm:vm-101-disk-0");

        Guest ct = client.node("pve1").lxc().container(200);
        changes.moveDisk(ct, "rootfs", "fast").apply();
        assertThat(ct.config().values().get("rootfs")).startsWith("fast:");
        assertThatThrownBy(() -> changes.moveDisk(vm(101), "scsi0", "nowhere").plan()).isInstanceOf(NotFoundException.class)
                .hasMessageContaining("nowhere");
        assertThatThrownBy(() -> changes.moveDisk(vm(101), "scsi7", "fast").plan()).isInstanceOf(NotFoundException.class)
                .hasMessageContaining("scsi7");
        assertThatThrownBy(() -> changes.moveDisk(vm(101), "scsi0", "local").plan()).isInstanceOf(dev.ops.core.error.ConflictException.class)
                .hasMessageContaining("images");
    }

    @Test
    void theJoinInformationNamesEveryMemberWithItsFingerprint() {
        var join = client.cluster().joinInfo();

        assertThat(join.members()).extracting(m -> m.name()).containsExactly("pve1", "pve2");
        assertThat(join.fingerprintOf("pve2")).hasValueSatisfying(fp -> assertThat(fp).matches("([0-9A-F]{2}:){31}[0-9A-F]{2}"));
        assertThat(pve.violations()).isEmpty();
    }

    @Test
    void aRunningTaskIsStoppedAndAnEndedOnePlansNothing() {
        try (PveFakeServer slow = Fakes.cluster().taskDuration(Duration.ofSeconds(30)).vm(101, "pve1").start()) {
            PveClient c = Fakes.client(slow);
            ProxmoxTask task = c.api().task("POST", "/nodes/{node}/qemu/{vmid}/status/start", Map.of("node", "pve1", "vmid", 101));

            Applied<TaskStatus> stopped = c.changes(Ops.inMemory()).stopTask(task.upid()).apply();

            assertThat(stopped.value().running()).isFalse();
            assertThat(c.changes(Ops.inMemory()).stopTask(task.upid()).plan().isEmpty()).isTrue();
        }
    }

    @Test
    void anHaNodeAffinityRuleMovesAStartedResourceToItsPreferredNode() {
        changes.haAdd(vm(101), h -> h.state("started")).apply();
        client.api().post("/cluster/ha/rules", Map.of("rule", "db-on-pve2", "type", "node-affinity", "resources", "vm:101",
                "nodes", "pve2:2,pve1:1"));

        List<HaStatusEntry> status = client.ha().status();

        assertThat(status).filteredOn(HaStatusEntry::service).singleElement().satisfies(s -> assertThat(s.node()).isEqualTo("pve2"));
        assertThat(client.findGuest(101)).hasValueSatisfying(g -> assertThat(g.node()).isEqualTo("pve2"));
    }
}
