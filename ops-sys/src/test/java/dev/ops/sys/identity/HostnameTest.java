package dev.ops.sys.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ops.core.Ops;
import dev.ops.core.change.Applied;
import dev.ops.core.change.Plan;
import dev.ops.core.host.Command;
import dev.ops.core.host.LocalHost;
import dev.ops.sys.support.Sandboxes;
import java.nio.charset.StandardCharsets;
import dev.ops.testkit.sandbox.SandboxHost;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@Timeout(60)
class HostnameTest {
    private final Ops ops = Ops.inMemory();
    private final LocalHost machine = LocalHost.create();
    private String machineName;
    private String machineHostsFile;
    private SandboxHost sandbox;

    @BeforeEach
    void start() {
        sandbox = Sandboxes.start("hostname-sbx");
        machineName = machine.output("hostname").strip();
        machineHostsFile = machine.readText("/etc/hosts").orElse("");
        sandbox.check(Command.of("hostname", "old-name"));
        sandbox.writeFile("/etc/hostname", "old-name\n".getBytes(), "0644", false);
        sandbox.writeFile("/etc/hosts", "127.0.0.1 localhost\n127.0.1.1 old-name.lab.example old-name # me\n".getBytes(), "0644", false);
    }

    @AfterEach
    void stop() {
        if (sandbox != null) {
            sandbox.close();
            assertThat(machine.output("hostname").strip()).isEqualTo(machineName);
            assertThat(machine.readText("/etc/hosts").orElse("")).isEqualTo(machineHostsFile);
        }
    }

    @Test
    void readsTheKernelsHostName() {
        assertThat(Hostname.on(sandbox, ops).get()).isEqualTo("old-name");
    }

    @Test
    void planNamesLiveFileAndHostsStepsAndChangesNothing() {
        Plan plan = Hostname.on(sandbox, ops).set("web-1").plan();

        assertThat(plan.steps()).extracting(s -> s.action().render()).satisfiesExactly(
                a -> assertThat(a).isEqualTo("sudo -n hostname web-1"),
                a -> assertThat(a).startsWith("write /etc/hostname"),
                a -> assertThat(a).startsWith("write /etc/hosts").contains("+ 127.0.1.1 web-1.lab.example web-1 # me"));
        assertThat(sandbox.output("hostname").strip()).isEqualTo("old-name");
    }

    @Test
    void applySetsAllThreeAndRollbackRestoresThem() {
        Applied<String> done = Hostname.on(sandbox, ops).set("web-1").apply();

        assertThat(done.value()).isEqualTo("web-1");
        assertThat(sandbox.output("hostname").strip()).isEqualTo("web-1");
        assertThat(sandbox.readText("/etc/hostname")).contains("web-1\n");
        assertThat(sandbox.output("getent", "hosts", "web-1")).startsWith("127.0.1.1");

        done.rollback();

        assertThat(sandbox.output("hostname").strip()).isEqualTo("old-name");
        assertThat(sandbox.readText("/etc/hostname")).contains("old-name\n");
        assertThat(sandbox.readText("/etc/hosts")).contains("127.0.0.1 localhost\n127.0.1.1 old-name.lab.example old-name # me\n");
    }

    @Test
    void theSameNameAgainPlansNothing() {
        Hostname.on(sandbox, ops).set("web-1").apply();

        assertThat(Hostname.on(sandbox, ops).set("web-1").plan().isEmpty()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "-lead", "trail-", "under_score", "a..b", "dot.", "with space", "x123456789x123456789x123456789x123456789x123456789x123456789x12345"})
    void anInvalidNameIsATypedErrorAndNothingChanges(String name) {
        assertThatThrownBy(() -> Hostname.on(sandbox, ops).set(name).apply())
                .isInstanceOfSatisfying(InvalidHostnameException.class, e -> assertThat(e.hostname()).isEqualTo(name));

        assertThat(sandbox.output("hostname").strip()).isEqualTo("old-name");
        assertThat(sandbox.readText("/etc/hostname")).contains("old-name\n");
    }

    private byte[] bytes(String path) {
        return sandbox.readFile(path, false).orElseThrow();
    }

    private String attributes(String path) {
        return sandbox.output("stat", "-c", "%a %u:%g", path).strip();
    }

    @Test
    void renamingInHostsKeepsBytesThatAreNotUtf8AndTheFilesModeAndOwnerAndRollbackRestoresThem() {
        byte[] hosts = "127.0.0.1 localhost\n# caf\u00e9\n127.0.1.1 old-name.lab.example old-name\n".getBytes(StandardCharsets.ISO_8859_1);
        sandbox.writeFile("/etc/hosts", hosts, "0640", false);
        sandbox.check(Command.of("chown", "4242:4343", "/etc/hosts", "/etc/hostname"));
        sandbox.check(Command.of("chmod", "0600", "/etc/hostname"));

        Applied<String> done = Hostname.on(sandbox, ops).set("web-1").apply();

        assertThat(bytes("/etc/hosts")).isEqualTo(new String(hosts, StandardCharsets.ISO_8859_1).replace("old-name", "web-1")
                .getBytes(StandardCharsets.ISO_8859_1));
        assertThat(attributes("/etc/hosts")).isEqualTo("640 4242:4343");
        assertThat(attributes("/etc/hostname")).isEqualTo("600 4242:4343");

        done.rollback();

        assertThat(bytes("/etc/hosts")).isEqualTo(hosts);
        assertThat(attributes("/etc/hosts")).isEqualTo("640 4242:4343");
        assertThat(attributes("/etc/hostname")).isEqualTo("600 4242:4343");
    }

    @Test
    void crlfHostnameAndHostsFilesKeepCrlf() {
        sandbox.writeFile("/etc/hostname", "old-name\r\n".getBytes(StandardCharsets.US_ASCII), "0644", false);
        sandbox.writeFile("/etc/hosts", "127.0.0.1 localhost\r\n127.0.1.1 old-name\r\n".getBytes(StandardCharsets.US_ASCII), "0644", false);

        Hostname.on(sandbox, ops).set("web-1").apply();

        assertThat(new String(bytes("/etc/hostname"), StandardCharsets.US_ASCII)).isEqualTo("web-1\r\n");
        assertThat(new String(bytes("/etc/hosts"), StandardCharsets.US_ASCII)).isEqualTo("127.0.0.1 localhost\r\n127.0.1.1 web-1\r\n");
        assertThat(Hostname.on(sandbox, ops).set("web-1").plan().isEmpty()).as("a CRLF file with the name is in its state").isTrue();
    }
}
