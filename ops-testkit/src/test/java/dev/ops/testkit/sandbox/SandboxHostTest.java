package dev.ops.testkit.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ops.core.host.Command;
import dev.ops.core.host.LocalHost;
import dev.ops.core.testing.RealComponents;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class SandboxHostTest {
    private static SandboxHost sandbox;

    @BeforeAll
    static void start() {
        RealComponents.assume(SandboxHost.isSupported(), "root with unshare and nsenter");
        sandbox = SandboxHost.start();
    }

    @AfterAll
    static void stop() {
        if (sandbox != null) {
            sandbox.close();
        }
    }

    @Test
    void aUserAddedInsideIsSeenInsideAndNotOnTheMachine() {
        sandbox.check(Command.of("useradd", "--no-create-home", "ops-sbx-user"));

        assertThat(sandbox.output("getent", "passwd", "ops-sbx-user")).startsWith("ops-sbx-user:");
        assertThat(LocalHost.create().run("getent", "passwd", "ops-sbx-user").exitCode()).isEqualTo(2);
        assertThat(sandbox.changedPaths()).contains("/etc/passwd");
    }

    @Test
    void filesWrittenInsideStayInside() {
        sandbox.writeFile("/etc/ops-sandbox-probe", "x\n".getBytes(), "0644", false);

        assertThat(sandbox.readText("/etc/ops-sandbox-probe")).contains("x\n");
        assertThat(LocalHost.create().readText("/etc/ops-sandbox-probe")).isEmpty();
    }

    @Test
    void hostnameAndNetworkAreTheSandboxesOwn() {
        String machineHostname = LocalHost.create().output("hostname").strip();
        sandbox.check(Command.of("hostname", "ops-sandbox-test"));

        assertThat(sandbox.output("hostname").strip()).isEqualTo("ops-sandbox-test");
        assertThat(LocalHost.create().output("hostname").strip()).isEqualTo(machineHostname);
        assertThat(sandbox.output("ip", "-o", "link", "show")).doesNotContain("eth0");
    }

    @Test
    void commandsKeepExitCodesStdinEnvAndWorkingDirectory() {
        var r = sandbox.run(Command.builder().addArgv("sh", "-c", "cat; echo \"$GREETING\"; pwd; exit 7")
                .stdin("in\n").putEnv("GREETING", "hi").workDir("/etc").build());

        assertThat(r.exitCode()).isEqualTo(7);
        assertThat(r.stdoutText()).isEqualTo("in\nhi\n/etc\n");
    }
}
