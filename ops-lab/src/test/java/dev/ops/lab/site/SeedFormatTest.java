package dev.ops.lab.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ops.core.error.ValidationException;
import dev.ops.core.error.Violation;
import dev.ops.lab.testing.Sites;
import dev.ops.net.IpAddress;
import dev.ops.net.ipam.IpRange;
import dev.ops.net.ipam.Pool;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The seed's own {@code naming-conventions.yml} and {@code action-policies.yml}, in the forms its
 * documentation publishes, are read as they are: the nodes, ranges and primary node from the naming
 * file stand for the cluster section, and the policies' names, limits and retention are typed values.
 */
class SeedFormatTest {

    @Test
    void theSeedsNamingFileGivesTheNodesTheirRangesAndThePrimaryTemplateNode() {
        Site site = Site.load(resource("seed-site"));

        assertThat(site.nodeNames()).containsExactly("pve-node-01", "pve-node-02", "pve-node-03");
        assertThat(site.primaryNode()).isEqualTo("pve-node-01");
        SiteNode two = site.node("pve-node-02").orElseThrow();
        assertThat(two.subnet().range(Pool.VM)).contains(IpRange.parse("192.168.2.100-192.168.2.199"));
        assertThat(two.subnet().range(Pool.CONTAINER)).contains(IpRange.parse("192.168.2.200-192.168.2.254"));
        assertThat(two.subnet().gateway()).contains(IpAddress.parse("192.168.2.1"));
        assertThat(site.naming().convention().format("pve-node-02", "db", 1)).isEqualTo("pve-pve-node-02-db-01");
        assertThat(site.sourceOf("naming")).contains("naming-conventions.yml");
    }

    @Test
    void theSeedsPoliciesAreReadWithTheirOwnActionNames() {
        Site site = Site.load(resource("seed-site"));

        ActionPolicies p = site.policies();
        assertThat(p.approvalRequired()).containsExactly("restore_snapshot", "create_backup", "restore_backup", "clone_vm", "clone_lxc",
                "replicate_resource", "assign_static_ip");
        assertThat(p.volumeSnapshots()).isEqualTo(new SnapshotRetention(30, 10, true));
        assertThat(p.prohibited()).as("what the seed prohibits in code applies when the file lists nothing")
                .containsExactlyElementsOf(ActionPolicies.SEED_PROHIBITED);
        assertThat(p.snapshotBefore()).containsExactly("rebuild", "config_change", "upgrade");
        assertThat(site.replication().clusterWide()).as("cross_node_replication").isTrue();
        assertThat(site.replication().fromPrimary()).as("auto_replicate_from_primary").isTrue();
    }

    @Test
    void theConfigurationGuidesFullPolicyFileIsReadToo() {
        Site site = Site.load(resource("seed-guide"));

        ActionPolicies p = site.policies();
        assertThat(p.autonomous()).contains("start_vm", "create_snapshot_pre_action");
        assertThat(p.approvalRequired()).contains("rebuild_container", "modify_config", "restart_node", "network_config_change", "delete_resource");
        assertThat(p.prohibited()).containsExactly("delete_node", "delete_storage", "format_disk", "delete_n8n_workflow", "modify_monitoring_system");
        assertThat(p.prohibits("touch_monitoring")).as("modify_monitoring_system is ops' touch_monitoring").isTrue();
        assertThat(p.limits()).isEqualTo(new ActionLimits(3, 1, 5, 20));
        assertThat(p.volumeSnapshots()).isEqualTo(new SnapshotRetention(30, 10, true));
        assertThat(p.guestSnapshots()).isEqualTo(new SnapshotRetention(7, 5, true));
        assertThat(p.backups()).isEqualTo(new BackupRetention(30, 10, true, 7, true));
        assertThat(p.protectedNames()).containsExactly("proxmox-ai-n8n", "proxmox-ai-postgres", "proxmox-ai-monitor");
    }

    @Test
    void thePublishedPairThatNamesThePrimaryDifferentlyIsRefusedNamingBothPlaces(@TempDir Path dir) {
        copy("seed-site", dir);
        Sites.edit(dir, "action-policies.yml", "primary_node: \"pve-node-01\"", "primary_node: \"node-01\"");

        assertThatThrownBy(() -> Site.load(dir)).isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                .extracting(Violation::toString)
                .anySatisfy(s -> assertThat(s).startsWith("action-policies.yml:16 replication.primary_node: 'node-01' is not the "
                        + "cluster's primary node (pve-node-01, in naming-conventions.yml)")));
    }

    @Test
    void badSeedFilesAreRefusedWithEveryProblemAtOnce(@TempDir Path dir) {
        copy("seed-site", dir);
        Sites.edit(dir, "naming-conventions.yml", "  - name: \"pve-node-02\"", "  - name: \"pve-node-02\"\n    is_primary_template: true");
        Sites.edit(dir, "naming-conventions.yml", "lxc_range_start: \"192.168.3.200\"", "lxc_range_start: \"192.168.4.200\"");
        Sites.edit(dir, "naming-conventions.yml", "{seq:02d}", "{n}");
        Sites.edit(dir, "action-policies.yml", "  - clone_lxc", "  - clone_lxc\n  - reformat_everything");
        Sites.edit(dir, "action-policies.yml", "max_snapshots_per_volume: 10", "max_snapshots_per_volume: 0");

        assertThatThrownBy(() -> Site.load(dir)).isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                .extracting(Violation::toString)
                .anySatisfy(s -> assertThat(s).contains("nodes: exactly one node must have is_primary_template: true, not 2"))
                .anySatisfy(s -> assertThat(s).contains("ip_ranges.pve-node-03.lxc_range_start: '192.168.4.200' is not an address in 192.168.3.0/24"))
                .anySatisfy(s -> assertThat(s).contains("naming_pattern: must contain {seq}"))
                .anySatisfy(s -> assertThat(s).contains("approval_required: 'reformat_everything' is not an action"))
                .anySatisfy(s -> assertThat(s).contains("snapshot_retention.max_snapshots_per_volume: must be at least 1, not 0")));
    }

    @Test
    void ifBothTheClusterSectionAndTheSeedsNodesAreGivenTheyMustAgree(@TempDir Path dir) throws IOException {
        copy("seed-site", dir);
        Files.writeString(dir.resolve("cluster.yml"), """
                cluster:
                  primary: pve-node-01
                  nodes:
                    pve-node-01: {subnet: 192.168.1.0/24, gateway: 192.168.1.1, vms: 192.168.1.100-192.168.1.199, containers: 192.168.1.200-192.168.1.254}
                    pve-node-02: {subnet: 192.168.2.0/24, gateway: 192.168.2.1, vms: 192.168.2.110-192.168.2.199, containers: 192.168.2.200-192.168.2.254}
                    pve-node-03: {subnet: 192.168.3.0/24, gateway: 192.168.3.1, vms: 192.168.3.100-192.168.3.199, containers: 192.168.3.200-192.168.3.254}
                """);

        assertThatThrownBy(() -> Site.load(dir)).isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                .extracting(Violation::toString)
                .singleElement().satisfies(s -> assertThat(s).contains("naming-conventions.yml:20 ip_ranges.pve-node-02.vm_range_start: 192.168.2.100 differs "
                        + "from the start of the cluster section's vms range 192.168.2.110-192.168.2.199 (cluster.yml)")));
    }

    private static Path resource(String name) {
        try {
            return Path.of(SeedFormatTest.class.getResource("/" + name + "/site.yml").toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void copy(String name, Path dir) {
        try (Stream<Path> files = Files.list(resource(name))) {
            for (Path f : files.toList()) {
                Files.copy(f, dir.resolve(f.getFileName()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
