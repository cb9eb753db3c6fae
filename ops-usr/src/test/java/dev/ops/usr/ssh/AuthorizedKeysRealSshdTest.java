package dev.ops.usr.ssh;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ops.core.Ops;
import dev.ops.core.host.Command;
import dev.ops.core.host.CommandResult;
import dev.ops.core.testing.RealComponents;
import dev.ops.testkit.sandbox.SandboxHost;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * What the real sshd lets in, before and after ops edits the file: a real sshd on the loopback of
 * a sandbox's own network namespace, a real user made there with useradd, a real ssh client.
 */
@Timeout(120)
class AuthorizedKeysRealSshdTest {
    private static final int PORT = 2222;
    private SandboxHost sandbox;
    private String clientKey;

    @BeforeEach
    void start() {
        RealComponents.assume(SandboxHost.isSupported(), "root with unshare and nsenter");
        Path sshd = RealComponents.program("sshd");
        RealComponents.program("ssh");
        RealComponents.program("ssh-keygen");
        RealComponents.program("useradd");
        List<String> overlays = new ArrayList<>(SandboxHost.DEFAULT_OVERLAYS);
        overlays.add("/run");
        sandbox = SandboxHost.builder().name("sbx").overlays(overlays).build();
        sandbox.check(Command.of("useradd", "-m", "-s", "/bin/sh", "alice"));
        sandbox.check(Command.of("usermod", "-p", "*", "alice")); // not locked: sshd refuses locked accounts without PAM
        sandbox.check(Command.shell("getent passwd sshd >/dev/null || useradd -r -M -d /run/sshd -s /usr/sbin/nologin sshd; "
                + "mkdir -p -m 0755 /run/sshd /root/ssh && ssh-keygen -q -t ed25519 -N '' -f /root/ssh/host -C host "
                + "&& ssh-keygen -q -t ed25519 -N '' -f /root/ssh/client -C client"));
        sandbox.check(Command.builder().addArgv("sh", "-c", "cat > /root/ssh/sshd_config").stdin(String.join("\n",
                "Port " + PORT, "ListenAddress 127.0.0.1", "HostKey /root/ssh/host", "PidFile /root/ssh/sshd.pid", "UsePAM no",
                "StrictModes yes", "PubkeyAuthentication yes", "PasswordAuthentication no", "KbdInteractiveAuthentication no",
                "AuthorizedKeysFile .ssh/authorized_keys", "UseDNS no", "LogLevel DEBUG", "")).build());
        sandbox.check(Command.of(sshd.toString(), "-f", "/root/ssh/sshd_config", "-E", "/root/ssh/sshd.log"));
        clientKey = sandbox.output("cat", "/root/ssh/client.pub").strip();
    }

    @AfterEach
    void stop() {
        if (sandbox != null) {
            sandbox.run("sh", "-c", "[ -f /root/ssh/sshd.pid ] && kill $(cat /root/ssh/sshd.pid)");
            sandbox.close();
        }
    }

    /** Whether the client key logs in as alice (retried while sshd is still starting). */
    private boolean logsIn() {
        CommandResult r = null;
        for (int i = 0; i < 50; i++) {
            r = sandbox.run("ssh", "-i", "/root/ssh/client", "-o", "StrictHostKeyChecking=no", "-o", "UserKnownHostsFile=/dev/null",
                    "-o", "BatchMode=yes", "-o", "IdentitiesOnly=yes", "-o", "ConnectTimeout=5", "-p", Integer.toString(PORT),
                    "alice@127.0.0.1", "echo in");
            if (r.ok() || r.stderrText().contains("Permission denied")) {
                break;
            }
            sandbox.run("sleep", "0.2");
        }
        return r.ok() && r.stdoutText().strip().equals("in");
    }

    private void authorize(String... lines) {
        sandbox.check(Command.builder().addArgv("sh", "-c", "mkdir -p -m 700 /home/alice/.ssh && cat > /home/alice/.ssh/authorized_keys "
                + "&& chown -R alice:alice /home/alice/.ssh && chmod 600 /home/alice/.ssh/authorized_keys")
                .stdin(String.join("\n", lines) + "\n").build());
    }

    @Test
    void aKeyWithAnOptionOpsDidNotKnowIsLetInBySshdUntilAbsentRemovesIt() {
        authorize("# alice", "no-verify-required " + clientKey, Fixtures.RSA);
        assertThat(logsIn()).as("sshd lets the key in\n%s", sandbox.output("cat", "/root/ssh/sshd.log")).isTrue();

        AuthorizedKeys.on(sandbox, Ops.inMemory()).user("alice").key(clientKey).absent().apply();

        assertThat(logsIn()).isFalse();
        assertThat(sandbox.readText("/home/alice/.ssh/authorized_keys").orElseThrow()).isEqualTo("# alice\n" + Fixtures.RSA + "\n");
    }

    @Test
    void exclusiveLeavesNoOtherKeyThatSshdLetsIn() {
        authorize("Touch-Required,,restrict,expiry-time=\"20991231\",permitlisten=\"8080\",pty, " + clientKey);
        assertThat(logsIn()).isTrue();

        AuthorizedKeys.on(sandbox, Ops.inMemory()).user("alice").key(Fixtures.RSA).exclusive().present().apply();

        assertThat(logsIn()).isFalse();
    }
}
