package dev.ops.core.host.internal.ssh;

import dev.ops.core.host.HostKeyPolicy;
import dev.ops.core.secret.Secret;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** Everything an {@link dev.ops.core.host.SshHost} was built with, validated. */
public record SshSettings(String name, String address, int port, String user, Optional<Path> privateKey,
        Optional<Secret> passphrase, Optional<Path> agentSocket, HostKeyPolicy hostKeyPolicy, Duration connectTimeout,
        Duration handshakeTimeout, Duration keepAlive, int maxSessions, boolean pooled, boolean reuseShell) {

    /** {@code user@address:port}, for messages. */
    public String target() {
        return user + "@" + address + ":" + port;
    }
}
