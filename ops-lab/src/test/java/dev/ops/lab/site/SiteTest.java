package dev.ops.lab.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ops.core.error.NotFoundException;
import dev.ops.core.error.ValidationException;
import dev.ops.core.error.Violation;
import dev.ops.lab.testing.Sites;
import dev.ops.net.IpAddress;
import dev.ops.net.ipam.Pool;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A site directory loads into typed values, or fails with every problem named by file, line and field. */
class SiteTest {

    @Test
    void theTestSiteLoadsIntoTypedValues() {
        Site site = Site.load(Sites.site1());

        assertThat(site.name()).isEqualTo("site1");
        assertThat(site.nodeNames()).containsExactly("pve1", "pve2", "pve3");
        assertThat(site.primaryNode()).isEqualTo("pve1");
        assertThat(site.endpoint().tokenSecret().name()).isEqualTo("PM_TOKEN_SECRET");
        assertThat(site.secrets().sources()).containsExactly("env", "doppler");
        assertThat(site.node("pve2").orElseThrow().subnet().range(Pool.VM).orElseThrow().contains(IpAddress.parse("10.10.2.150"))).isTrue();
        assertThat(site.naming().convention().format("pve2", site.naming().typeOf("vm"), 3)).isEqualTo("pve-pve2-vm-03");
        assertThat(site.template("debian-12").orElseThrow().vmid()).isEqualTo(9000);
        assertThat(site.storage("vm")).isEqualTo("local-lvm");
        assertThat(site.policies().approvalRequired()).contains("replicate", "assign_static_ip");
        assertThat(site.policies().file()).isEqualTo("action-policies.yml");
        assertThat(site.sourceOf("templates")).contains("inventory.yml");
        assertThat(site.services()).extracting(SiteService::unit).containsExactly("nginx.service");
        SiteHost web = site.hosts().get(0);
        assertThat(web.sysctl()).containsExactly(java.util.Map.entry("net.ipv4.ip_forward", "1"));
        assertThat(web.users()).singleElement().satisfies(u -> {
            assertThat(u.name()).isEqualTo("deploy");
            assertThat(u.groups()).containsExactly("adm");
            assertThat(u.keys()).singleElement().satisfies(k -> assertThat(k).startsWith("ssh-ed25519 "));
            assertThat(u.sudo()).isTrue();
        });
    }

    @Test
    void aHostsSshSettingsAreReadWithFilesResolvedAgainstTheSiteAndCheckedWithFileLineAndField(@TempDir Path dir) {
        Sites.copy(dir);
        Sites.edit(dir, "inventory.yml", "    user: ops\n", "    user: ops\n    port: 2222\n    key: keys/id_ed25519\n"
                + "    known_hosts: /etc/lab/known_hosts\n    guest: web/2\n");

        SiteHost web = Site.load(dir).hosts().get(0);
        assertThat(web.port()).isEqualTo(2222);
        assertThat(web.keyFile()).contains(dir.toAbsolutePath().resolve("keys/id_ed25519"));
        assertThat(web.knownHostsFile()).contains(Path.of("/etc/lab/known_hosts"));
        assertThat(web.guestRole()).contains("guest:web/2");

        Sites.edit(dir, "inventory.yml", "port: 2222", "port: 70000");
        Sites.edit(dir, "inventory.yml", "guest: web/2", "guest: web/3");
        assertThatThrownBy(() -> Site.load(dir)).isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                .extracting(Violation::toString).containsExactly(
                        "inventory.yml:12 hosts.web.port: must be from 1 to 65535",
                        "inventory.yml:15 hosts.web.guest: 'web/3' is not one of the site's guests (<guest>/<n>, n from 1 to its count)"));
    }

    @Test
    void entriesFoundWrongAfterLoadingAreNamedWithTheirFileAndLine() {
        Site site = Site.load(Sites.site1());
        assertThat(site.locate("guests.api")).isEqualTo("inventory.yml:42 guests.api");
        assertThat(site.locate("services.nginx")).isEqualTo("inventory.yml:22 services.nginx");
        assertThat(site.locate("templates.debian-12")).isEqualTo("inventory.yml:2 templates.debian-12");
        assertThat(site.locate("hosts.web")).isEqualTo("inventory.yml:9 hosts.web");
        assertThat(site.locate("retention")).as("not an entry").isEqualTo("retention");
    }

    @Test
    void theSitesHostsDefaultToPort22AndTheUsersKnownHostsAndAgent() {
        SiteHost web = Site.load(Sites.site1()).hosts().get(0);
        assertThat(web.port()).isEqualTo(22);
        assertThat(web.keyFile()).isEmpty();
        assertThat(web.knownHostsFile()).isEmpty();
        assertThat(web.guestRole()).isEmpty();
    }

    @Test
    void aHostsKernelParametersAndUsersAreChecked(@TempDir Path dir) {
        Sites.copy(dir);
        Sites.edit(dir, "inventory.yml", "net.ipv4.ip_forward: \"1\"", "forwarding: \"1\"");
        Sites.edit(dir, "inventory.yml", "sudo: true", "sudo: always\n        shell: /bin/zsh");

        assertThatThrownBy(() -> Site.load(dir)).isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                .extracting(Violation::toString)
                .anySatisfy(s -> assertThat(s).startsWith("inventory.yml:14 hosts.web.sysctl.forwarding: must be a kernel parameter"))
                .anySatisfy(s -> assertThat(s).startsWith("inventory.yml:19 hosts.web.users.deploy.sudo: 'always' must be true or false"))
                .anySatisfy(s -> assertThat(s).startsWith("inventory.yml:20 hosts.web.users.deploy.shell: is not a known key")));
    }

    @Test
    void everyProblemIsListedAtOnceWithFileLineAndField(@TempDir Path dir) {
        Sites.copy(dir);
        Sites.edit(dir, "nodes.yml", "primary: pve1", "primary: pve9");
        Sites.edit(dir, "nodes.yml", "vms: 10.10.2.100-10.10.2.199", "vms: 10.10.9.100-10.10.9.199");
        Sites.edit(dir, "nodes.yml", "containers: 10.10.3.200-10.10.3.250", "containers: 10.10.3.200-10.10.3.250\n      color: blue");
        Sites.edit(dir, "naming-conventions.yml", "pattern: pve-{node}-{type}-{seq:02d}", "pattern: pve-{node}-{type}");

        assertThatThrownBy(() -> Site.load(dir)).isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                .as(e.getMessage()).extracting(Violation::field)
                .contains("nodes.yml:2 cluster.primary", "nodes.yml:12 cluster.nodes.pve2.vms", "nodes.yml:19 cluster.nodes.pve3.color",
                        "naming-conventions.yml:2 pattern"));
    }

    @Test
    void overlappingRangesAcrossNodesAreRefused(@TempDir Path dir) {
        Sites.copy(dir);
        Sites.edit(dir, "nodes.yml", "containers: 10.10.2.200-10.10.2.250", "containers: 10.10.1.240-10.10.1.245");

        assertThatThrownBy(() -> Site.load(dir)).isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                .anySatisfy(v -> assertThat(v.toString()).contains("cluster.nodes.pve2.containers").contains("overlaps pve1's containers range")));
    }

    @Test
    void aRangeOverlappingAnotherOnTheSameNodeIsRefused(@TempDir Path dir) {
        Sites.copy(dir);
        Sites.edit(dir, "nodes.yml", "containers: 10.10.1.200-10.10.1.250", "containers: 10.10.1.150-10.10.1.250");

        assertThatThrownBy(() -> Site.load(dir)).isInstanceOf(ValidationException.class).hasMessageContaining("nodes.yml:")
                .hasMessageContaining("cluster.nodes.pve1");
    }

    @Test
    void unknownKeysAndSectionsAreNamed(@TempDir Path dir) {
        Sites.copy(dir);
        Sites.edit(dir, "site.yml", "storages:", "storage_pools:\n  a: b\nstorages:");
        Sites.edit(dir, "action-policies.yml", "  - touch_monitoring", "  - touch_monitoring\n  - reboot_everything");

        assertThatThrownBy(() -> Site.load(dir)).isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                .extracting(Violation::toString)
                .anySatisfy(s -> assertThat(s).startsWith("site.yml:15 storage_pools: is not a known section"))
                .anySatisfy(s -> assertThat(s).startsWith("action-policies.yml:8 prohibited_actions: 'reboot_everything' is not a prohibitable action")));
    }

    @Test
    void aCredentialValueInASiteFileIsRefused(@TempDir Path dir) {
        Sites.copy(dir);
        Sites.edit(dir, "site.yml", "token_secret_from: PM_TOKEN_SECRET", "token_secret_from: 5b6f0c5e-hunter2");

        assertThatThrownBy(() -> Site.load(dir)).isInstanceOf(ValidationException.class)
                .hasMessageContaining("site.yml:7 proxmox.token_secret_from: must be the name of a secret").hasMessageNotContaining("hunter2");
    }

    @Test
    void aMissingDirectoryIsNotFound(@TempDir Path dir) {
        assertThatThrownBy(() -> Site.load(dir.resolve("nope"))).isInstanceOf(NotFoundException.class);
    }

    @Test
    void aSectionGivenTwiceIsRefused(@TempDir Path dir) throws Exception {
        Sites.copy(dir);
        Files.writeString(dir.resolve("more.yml"), "storages:\n  vm: other\n");

        assertThatThrownBy(() -> Site.load(dir)).isInstanceOf(ValidationException.class)
                .hasMessageContaining("site.yml:15 storages: section 'storages' is already given in more.yml");
    }
}
