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
 * A third-party client keeps passing against the fake: proxmoxer (Debian's python3-proxmoxer) lists,
 * clones, configures, starts, snapshots, stops and deletes a VM, reads storage, tasks, realms, users
 * and the appliance index, and the fake sees no schema violation.
 */
@Timeout(120)
class ForeignClientTest {
    private final PveFakeServer pve = PveFakeServer.builder().node("pve-01").token("root@pam", "ops", "secret")
            .vm(9000, "pve-01", vm -> vm.name("debian-tmpl").set("scsi0", "local-lvm:8").template())
            .vm(101, "pve-01", vm -> vm.name("web-01"))
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
}
