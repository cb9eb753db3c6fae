package dev.ops.gpu.pve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ops.core.Ops;
import dev.ops.core.change.Applied;
import dev.ops.core.change.Change;
import dev.ops.core.change.Plan;
import dev.ops.core.error.ValidationException;
import dev.ops.gpu.site.GpuSite;
import dev.ops.pve.PveClient;
import dev.ops.pve.testing.Fakes;
import dev.ops.testkit.pve.PveAnswer;
import dev.ops.testkit.pve.PveFakeServer;
import dev.ops.testkit.sysfs.FakeSysfs;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A site role goes to its VM as one change, against the fake sysfs of the node and the schema-enforcing
 * Proxmox fake: the slot detached, the mapping made, the hostpci entry set; one plan, one journal record,
 * one rollback that undoes all three.
 */
class SiteRoleFlowTest {
    private static PveFakeServer server;
    private static PveClient client;
    private FakeSysfs fake;
    private Ops ops;

    private static final String SITE = """
            host: pve1
            gpus:
              - role: compute-b
                address: "0000:02:00.0"
                ids: "10de:2b85"
                hostDriver: nvidia
                mapping: gpu-b
                vm: 101
              - role: desktop
                address: "0000:01:00.0"
                ids: "10de:2b85"
                mapping: gpu-a
                vm: 103
            """;

    @BeforeAll
    static void start() {
        server = Fakes.cluster().vm(101, "pve1", vm -> vm.name("compute").set("machine", "q35"))
                .vm(103, "pve1", vm -> vm.name("desk").set("machine", "q35").running()).start();
        client = Fakes.client(server);
    }

    @AfterAll
    static void stop() {
        client.close();
        server.close();
    }

    @BeforeEach
    void setUp() {
        server.reset();
        fake = FakeSysfs.layout("dual-identical-rtx5090");
        ops = Ops.inMemory();
    }

    @AfterEach
    void tearDown() {
        fake.close();
    }

    private Passthrough.SiteGpus site(String yaml) {
        return Passthrough.on(client, ops).site(GpuSite.fromYaml(yaml), fake.host()).sysfs(fake.sysfs()).procfs(fake.procfs());
    }

    @Test
    void oneChangeDetachesMapsAndAssignsAndOneRollbackUndoesAllThree() {
        Change<List<Object>> change = site(SITE).role("compute-b").present();
        Plan plan = change.plan();
        assertThat(plan.steps()).extracting(s -> s.description()).anyMatch(d -> d.contains("0000:02:00.0"))
                .anyMatch(d -> d.contains("0000:02:00.1")).anyMatch(d -> d.contains("gpu-b")).anyMatch(d -> d.contains("hostpci0"));
        assertThat(fake.writes()).as("planning writes nothing").isEmpty();
        assertThat(Passthrough.on(client, ops).getMapping("gpu-b")).isEmpty();

        Applied<List<Object>> done = change.apply(plan);
        assertThat(fake.driver("0000:02:00.0")).contains("vfio-pci");
        assertThat(fake.driver("0000:02:00.1")).contains("vfio-pci");
        assertThat(fake.driver("0000:01:00.0")).as("the identical first card stays").contains("nvidia");
        assertThat(Passthrough.on(client, ops).getMapping("gpu-b")).hasValueSatisfying(m -> assertThat(m.entries()).singleElement()
                .satisfies(e -> assertThat(e.render()).isEqualTo("id=10de:2b85,iommugroup=10,node=pve1,path=0000:02:00,subsystem-id=10de:2198")));
        assertThat(server.guest(101).orElseThrow().config()).containsEntry("hostpci0", "mapping=gpu-b,pcie=1");
        assertThat(ops.journal().list()).as("one journal record").hasSize(1);
        assertThat(site(SITE).role("compute-b").present().plan().steps()).as("in place: nothing to do").isEmpty();

        done.rollback();
        assertThat(server.guest(101).orElseThrow().config()).doesNotContainKey("hostpci0");
        assertThat(Passthrough.on(client, ops).getMapping("gpu-b")).isEmpty();
        assertThat(fake.driver("0000:02:00.0")).contains("nvidia");
        assertThat(fake.driver("0000:02:00.1")).contains("snd_hda_intel");
        assertThat(fake.driverOverride("0000:02:00.0")).isEmpty();
    }

    @Test
    void anotherNodesEntryInTheMappingIsKept() {
        Passthrough.on(client, ops).mapping(new PciMapping("gpu-b", "compute GPUs", List.of(
                new PciMapping.Entry("pve2", "0000:41:00", "10de:2b85", 30, "")))).present().apply();
        Applied<List<Object>> done = site(SITE).role("compute-b").present().apply();
        assertThat(Passthrough.on(client, ops).getMapping("gpu-b").orElseThrow().entries()).extracting(PciMapping.Entry::node)
                .containsExactly("pve2", "pve1");
        done.rollback();
        assertThat(Passthrough.on(client, ops).getMapping("gpu-b").orElseThrow().entries()).extracting(PciMapping.Entry::node)
                .containsExactly("pve2");
    }

    @Test
    void aFailureHalfWayLeavesNothingApplied() {
        server.answerNext("PUT", "/nodes/pve1/qemu/101/config", PveAnswer.error(500, "got timeout"));
        assertThatThrownBy(() -> site(SITE).role("compute-b").present().apply()).isNotInstanceOf(ValidationException.class);
        assertThat(fake.driver("0000:02:00.0")).contains("nvidia");
        assertThat(fake.driver("0000:02:00.1")).contains("snd_hda_intel");
        assertThat(Passthrough.on(client, ops).getMapping("gpu-b")).isEmpty();
        assertThat(server.guest(101).orElseThrow().config()).doesNotContainKey("hostpci0");
    }

    @Test
    void aRoleThatDoesNotMatchTheNodeIsRefusedByFieldBeforeAnything() {
        assertThatThrownBy(() -> site(SITE.replace("ids: \"10de:2b85\"\n    hostDriver", "ids: \"10de:2204\"\n    hostDriver")).role("compute-b")
                .present()).isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violationsOf("gpus[0].ids")).isNotEmpty());
        assertThatThrownBy(() -> site(SITE).role("nope").present()).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.violationsOf("role")).singleElement().satisfies(v -> assertThat(v.message()).contains("compute-b, desktop")));
        assertThat(fake.writes()).isEmpty();
    }

    @Test
    void aRoleWithoutMappingNamesTheRawSlotWhichAnApiTokenMayNotSet() {
        assertThatThrownBy(() -> site(SITE.replace("    mapping: gpu-b\n", "")).role("compute-b").present().plan())
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violationsOf("host")).singleElement()
                        .satisfies(v -> assertThat(v.message()).contains("hostpci0 = 0000:02:00,pcie=1", "API tokens")));
        assertThat(fake.writes()).isEmpty();
    }

    @Test
    void theRolesRomfileIsLookedUpOnTheNodeBeforeAnything() {
        assertThatThrownBy(() -> site(SITE.replace("    vm: 101", "    romfile: ops-test-no-such.rom\n    vm: 101")).role("compute-b").present()
                .plan()).isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violationsOf("romfile")).singleElement()
                        .satisfies(v -> assertThat(v.message()).contains("/usr/share/kvm/ops-test-no-such.rom does not exist on fake-sysfs")));
        assertThat(fake.writes()).isEmpty();
    }

    @Test
    void aGpuWhoseGroupHoldsTheHostsOnlyNicIsRefused() {
        fake.close();
        fake = FakeSysfs.layout("shared-group-pch-slot");
        String yaml = "host: pve1\ngpus:\n  - role: cheap\n    address: \"0000:03:00.0\"\n    mapping: gpu-c\n    vm: 101\n";
        assertThatThrownBy(() -> site(yaml).role("cheap").present()).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.violationsOf("gpus[0].address")).anySatisfy(v -> assertThat(v.message()).contains("the host's only NIC")));
        assertThat(fake.writes()).isEmpty();
    }

    @Test
    void aRunningVmIsRefusedAtPlanAndNothingIsDetached() {
        assertThatThrownBy(() -> site(SITE).role("desktop").present().plan()).isInstanceOf(GuestRunningException.class);
        assertThat(fake.writes()).isEmpty();
        assertThat(fake.driver("0000:01:00.0")).contains("nvidia");
    }
}
