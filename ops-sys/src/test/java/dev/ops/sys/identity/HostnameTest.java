package dev.ops.sys.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ops.core.Ops;
import dev.ops.core.change.Applied;
import dev.ops.core.change.Plan;
import dev.ops.core.host.Command;
import dev.ops.core.host.LocalHost;
import dev.ops.sys.support.Sandboxes;
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
        assertThat(Hostname.on(sandbox, ops).read()).isEqualTo("old-name");
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
}
