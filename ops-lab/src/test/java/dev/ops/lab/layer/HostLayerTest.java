package dev.ops.lab.layer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ops.core.Ops;
import dev.ops.core.change.Applied;
import dev.ops.core.change.Change;
import dev.ops.core.change.Step;
import dev.ops.core.testing.RealComponents;
import dev.ops.lab.Lab;
import dev.ops.lab.site.Site;
import dev.ops.pve.guest.Snapshot;
import dev.ops.lab.testing.LabFakes;
import dev.ops.lab.testing.LabFixture;
import dev.ops.lab.testing.Sites;
import dev.ops.lab.testing.Unanswering;
import dev.ops.testkit.sandbox.SandboxHost;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Layer L3 converges the site's hosts (packages, kernel parameters, users, keys, sudo) in a sandbox
 * host running the real tools, refuses to run before L2, and rolls back as one when a gate fails.
 */
@Timeout(120)
class HostLayerTest {
    private static final String KEY = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIAzG78rerRCiyDzykYlh6bFf8O1ZhlLa697ued2th4oH deploy@lab";

    private LabFixture fixture;
    private SandboxHost web;

    @AfterEach
    void stop() {
        if (web != null) {
            web.close();
        }
        fixture.close();
    }

    private Lab lab(Path dir) {
        // the sandbox has no package lists: the host asks for a package it has already
        Sites.edit(Sites.copy(dir), "inventory.yml", "packages: [nginx]", "packages: [coreutils]");
        fixture = LabFixture.start(Site.load(dir), LabFakes.cluster());
        return fixture.lab();
    }

    /**
     * Layer L3 on a site whose host web is the site guest web/1 (L2's first web guest), with the given
     * automatic_snapshot triggers, after layer L2; the host is the sandbox {@link #web}.
     */
    private Change<List<Object>> layerThreeOnAGuest(Path dir, String triggers) {
        Sites.edit(Sites.copy(dir), "inventory.yml", "packages: [nginx]", "packages: [coreutils]");
        Sites.edit(dir, "inventory.yml", "    user: ops\n", "    user: ops\n    guest: web/1\n");
        Sites.edit(dir, "action-policies.yml", "before: [rebuild, config_change, upgrade]", "before: [" + triggers + "]");
        fixture = LabFixture.start(Site.load(dir), LabFakes.cluster());
        layerTwo(fixture.lab(), fixture.ops());
        SandboxHost host = sandbox();
        return fixture.lab().layers(fixture.ops()).hosts(h -> host).orElseThrow();
    }

    private List<String> safetySnapshots(Lab lab, Ops ops) {
        int vmid = lab.catalog(ops).resources().stream().filter(r -> r.role().equals("guest:web/1")).findFirst().orElseThrow().vmid();
        return lab.client().findGuest(vmid).orElseThrow().snapshots().list().stream().map(Snapshot::name)
                .filter(n -> n.startsWith("ops_safety_")).toList();
    }

    private void layerTwo(Lab lab, Ops ops) {
        lab.replication(ops).replicate(r -> r.vmid(9000).targets("pve2")).apply();
        lab.layers(ops).guests().orElseThrow().apply();
    }

    private SandboxHost sandbox() {
        RealComponents.assume(SandboxHost.isSupported(), "root with unshare and nsenter");
        List.of("useradd", "visudo", "sysctl", "dpkg-query", "apt-get").forEach(RealComponents::program);
        web = SandboxHost.builder().name("web").build();
        return web;
    }

    @Test
    void layerThreeBeforeLayerTwoIsRefusedNamingEveryMissingGuestAndReachesNoHost(@TempDir Path dir) {
        Lab lab = lab(dir);

        assertThatThrownBy(() -> lab.layers(fixture.ops()).hosts(h -> {
            throw new AssertionError("no host is reached");
        })).isInstanceOfSatisfying(LayerOrderException.class, e -> assertThat(e.violations()).extracting(Object::toString).containsExactly(
                "inventory.yml:38 guests.web: needs layer L2: guest:web/1, guest:web/2 not made yet (ops plan l2)",
                "inventory.yml:42 guests.api: needs layer L2: guest:api/1 not made yet (ops plan l2)"));
    }

    @Test
    void theHostGetsItsPackagesKernelParametersUsersKeysAndSudoAndRollbackTakesThemAway(@TempDir Path dir) {
        Lab lab = lab(dir);
        Ops ops = fixture.ops();
        layerTwo(lab, ops);
        SandboxHost host = sandbox();

        Applied<List<Object>> done = lab.layers(ops).hosts(h -> host, 1).orElseThrow().apply();

        assertThat(host.output("sysctl", "-n", "net.ipv4.ip_forward").trim()).isEqualTo("1");
        assertThat(host.output("id", "-nG", "deploy")).contains("adm");
        assertThat(host.output("cat", "/home/deploy/.ssh/authorized_keys")).contains(KEY);
        assertThat(host.output("cat", "/etc/sudoers.d/lab-deploy")).contains("deploy").contains("NOPASSWD");
        Change<List<Object>> again = lab.layers(ops).hosts(h -> host).orElseThrow();
        assertThat(again.plan().steps()).as("converged and recorded: the layer plans nothing, no gate, no record").isEmpty();
        assertThat(again.plan().render()).doesNotContain("gate").doesNotContain("planned at apply");

        done.rollback();

        assertThat(host.run("id", "deploy").exitCode()).isNotZero();
        assertThat(host.output("sysctl", "-n", "net.ipv4.ip_forward").trim()).isEqualTo("0");
        assertThat(host.run("test", "-e", "/etc/sudoers.d/lab-deploy").exitCode()).isNotZero();
    }

    @Test
    void aHostThatIsASiteGuestGetsASafetySnapshotFirstInTheSamePlanAndRollbackTakesBothAway(@TempDir Path dir) {
        Change<List<Object>> l3 = layerThreeOnAGuest(dir, "rebuild, config_change, upgrade");
        Lab lab = fixture.lab();
        Ops ops = fixture.ops();
        SandboxHost host = web;
        List<Step> steps = l3.plan().steps();
        assertThat(steps.get(0).description()).as("the snapshot is the plan's first step").contains("snapshot").contains("ops_safety_");
        Applied<List<Object>> done = l3.apply();

        assertThat(safetySnapshots(lab, ops)).singleElement().satisfies(n -> assertThat(steps.get(0).description()).contains(n));
        assertThat(host.output("id", "-nG", "deploy")).contains("adm");

        done.rollback();

        assertThat(safetySnapshots(lab, ops)).isEmpty();
        assertThat(host.run("id", "deploy").exitCode()).isNotZero();
        assertThat(host.output("sysctl", "-n", "net.ipv4.ip_forward").trim()).isEqualTo("0");
    }

    @Test
    void withoutTheTriggersInTheSitesPolicyAGuestHostGetsNoSnapshot(@TempDir Path dir) {
        Change<List<Object>> l3 = layerThreeOnAGuest(dir, "rebuild");
        assertThat(l3.plan().render()).doesNotContain("ops_safety_");
        l3.apply();

        assertThat(safetySnapshots(fixture.lab(), fixture.ops())).isEmpty();
        assertThat(web.output("id", "-nG", "deploy")).contains("adm");
    }

    @Test
    void aHostThatStopsAnsweringAfterItsBatchRollsTheLayerBack(@TempDir Path dir) {
        Lab lab = lab(dir);
        Ops ops = fixture.ops();
        layerTwo(lab, ops);
        SandboxHost host = sandbox();

        assertThatThrownBy(() -> lab.layers(ops).hosts(h -> new Unanswering(host)).orElseThrow().apply())
                .hasMessageContaining("Connection timed out");

        assertThat(host.run("id", "deploy").exitCode()).isNotZero();
        assertThat(host.output("sysctl", "-n", "net.ipv4.ip_forward").trim()).isEqualTo("0");
        assertThat(host.run("test", "-e", "/etc/sudoers.d/lab-deploy").exitCode()).isNotZero();
    }
}
