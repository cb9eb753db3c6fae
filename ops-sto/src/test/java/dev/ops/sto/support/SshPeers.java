package dev.ops.sto.support;

import dev.ops.core.host.Command;
import dev.ops.core.host.Host;
import dev.ops.core.testing.Sshd;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;

/**
 * Two hosts of a send test that talk over ssh: lets the sending host's root reach the test sshd
 * under an alias (an ssh client configuration naming its address, host key and client key, written
 * in the sending host's own /root), and compares file trees as each host sees them.
 */
public final class SshPeers {
    private SshPeers() {}

    /**
     * Gives the root of {@code sender} (a sandbox: its /root is its own) an ssh client configuration
     * in which {@code alias} is root at {@code sshd}, with its host key and the client key.
     */
    public static void trust(Host sender, Sshd sshd, String alias) {
        String config = String.join("\n", "Host " + alias, "  HostName " + sshd.host(), "  Port " + sshd.port(), "  User root",
                "  IdentityFile /root/.ssh/ops-test-key", "  IdentitiesOnly yes", "  UserKnownHostsFile /root/.ssh/ops-test-known-hosts",
                "  StrictHostKeyChecking yes", "");
        try {
            write(sender, "/root/.ssh/config", config);
            write(sender, "/root/.ssh/ops-test-key", Files.readString(sshd.clientKey()));
            write(sender, "/root/.ssh/ops-test-known-hosts", Files.readString(sshd.knownHosts()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Host host, String path, String content) {
        host.check(Command.builder().addArgv("sh", "-c", "umask 077; mkdir -p /root/.ssh && cat > \"$1\"", "sh", path).stdin(content).build());
    }

    /** The names and contents of every file under {@code path} on {@code host}, as one digest ({@code sha256sum} lines). */
    public static String digest(Host host, String path) {
        return host.check(Command.of("sh", "-c", "cd \"$1\" && find . -type f | sort | xargs sha256sum", "sh", path)).stdoutText();
    }
}
