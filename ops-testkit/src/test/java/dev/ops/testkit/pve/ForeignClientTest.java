package dev.ops.testkit.pve;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ops.core.testing.RealComponents;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Third-party clients keep passing against the fake, with no schema violation: proxmoxer (Debian's
 * python3-proxmoxer) lists, clones, configures, starts, snapshots, stops and deletes a VM and reads
 * storage, tasks, realms, users and the appliance index; Debian's Ansible community.general Proxmox
 * modules clone, start, snapshot, add a NIC and a disk, stop and delete a VM, make and remove a
 * container, and read storage, tasks, users, realms and groups.
 */
@Timeout(120)
class ForeignClientTest {
    private final PveFakeServer pve = PveFakeServer.builder().node("pve-01").token("root@pam", "ops", "secret")
            .vm(9000, "pve-01", vm -> vm.name("debian-tmpl").set("scsi0", "local-lvm:8").template())
            .vm(101, "pve-01", vm -> vm.name("web-01"))
            .volume("pve-01", "local:vztmpl/debian-12-standard_12.12-1_amd64.tar.zst", 120L << 20)
            .taskDuration(Duration.ofMillis(20)).start();

    @AfterEach
    void stop() {
        pve.close();
    }

    /** Debian's python3 with proxmoxer importable, or null. */
    private static String pythonWithProxmoxer() throws Exception {
        for (String python : List.of("/usr/bin/python3", "python3")) {
            try {
                Process p = new ProcessBuilder(python, "-c", "import proxmoxer, requests").redirectErrorStream(true).start();
                p.getInputStream().readAllBytes();
                if (p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0) {
                    return python;
                }
            } catch (java.io.IOException missing) {
                // try the next
            }
        }
        return null;
    }

    @Test
    void proxmoxerWalksTheFakeWithoutASchemaViolation(@TempDir Path dir) throws Exception {
        String python = pythonWithProxmoxer();
        RealComponents.assume(python != null, "python3 with proxmoxer (Debian: python3-proxmoxer)");
        Path script = dir.resolve("proxmoxer_walk.py");
        try (InputStream in = getClass().getResourceAsStream("/foreign/proxmoxer_walk.py")) {
            Files.write(script, in.readAllBytes());
        }

        Process p = new ProcessBuilder(python, script.toString(), pve.baseUri().getHost(), String.valueOf(pve.baseUri().getPort()),
                "root@pam", "ops", "secret", "pve-01").start();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(90, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as("proxmoxer's walk failed:%n%s", err).isZero();

        JsonNode seen = new ObjectMapper().readTree(out);
        assertThat(seen.path("nodes").toString()).contains("pve-01");
        assertThat(seen.path("realms").toString()).isEqualTo("[\"pam\",\"pve\"]");
        assertThat(seen.path("users").toString()).contains("root@pam");
        assertThat(seen.path("clone").asText()).isEqualTo("OK");
        assertThat(seen.path("cores").asInt()).isEqualTo(2);
        assertThat(seen.path("status").asText()).isEqualTo("running");
        assertThat(seen.path("snapshots").toString()).contains("before");
        assertThat(seen.path("delete").asText()).isEqualTo("OK");
        assertThat(seen.path("vms_after").toString()).isEqualTo("[101,9000]");
        assertThat(seen.path("appliances").asInt()).isPositive();
        assertThat(pve.violations()).isEmpty();
    }

    @Test
    void ansiblesProxmoxModulesRunAPlaybookAgainstTheFake(@TempDir Path dir) throws Exception {
        Path playbook = Path.of("/usr/bin/ansible-playbook");
        Path collection = Path.of("/usr/lib/python3/dist-packages/ansible_collections/community/general/plugins/modules/proxmox_kvm.py");
        RealComponents.assume(Files.isExecutable(playbook) && Files.exists(collection) && pythonWithProxmoxer() != null,
                "ansible-playbook with community.general and proxmoxer (Debian: ansible, python3-proxmoxer)");
        Path book = dir.resolve("ansible_walk.yml");
        try (InputStream in = getClass().getResourceAsStream("/foreign/ansible_walk.yml")) {
            Files.write(book, in.readAllBytes());
        }
        ProcessBuilder pb = new ProcessBuilder(playbook.toString(), "-i", "localhost,", book.toString(),
                "-e", "api=" + pve.baseUri().getHost() + ":" + pve.baseUri().getPort(), "-e", "node=pve-01")
                .redirectErrorStream(true);
        pb.environment().put("ANSIBLE_HOME", dir.resolve("ansible-home").toString());
        pb.environment().put("ANSIBLE_LOCAL_TEMP", dir.resolve("ansible-tmp").toString());
        pb.environment().put("ANSIBLE_PYTHON_INTERPRETER", "/usr/bin/python3");
        pb.environment().put("ANSIBLE_NOCOLOR", "1");
        pb.environment().put("ANSIBLE_RETRY_FILES_ENABLED", "0");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(100, TimeUnit.SECONDS)).isTrue();

        assertThat(p.exitValue()).as("the playbook failed:%n%s", out).isZero();
        assertThat(out).contains("SEEN storages=").contains("users=root@pam").contains("realms=pam,pve");
        assertThat(pve.hasGuest(121)).isFalse();
        assertThat(pve.hasGuest(202)).isFalse();
        assertThat(pve.violations()).isEmpty();
    }
}
