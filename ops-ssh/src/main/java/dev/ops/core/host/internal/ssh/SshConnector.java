package dev.ops.core.host.internal.ssh;

import dev.ops.core.error.AuthenticationException;
import dev.ops.core.error.ConnectionException;
import dev.ops.core.error.HostKeyException;
import dev.ops.core.error.OpsException;
import dev.ops.core.error.OpsTimeoutException;
import java.io.IOException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import net.schmizz.sshj.Config;
import net.schmizz.sshj.SSHClient;
import net.schmizz.sshj.common.DisconnectReason;
import net.schmizz.sshj.transport.TransportException;
import net.schmizz.sshj.userauth.UserAuthException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opening an SSH connection: TCP within {@code connectTimeout}, then banner, key exchange, host key
 * check and authentication within {@code handshakeTimeout}, on a thread of its own that is abandoned
 * (its socket closed) when it stalls; each failure mapped to a typed ops exception.
 */
final class SshConnector {
    private static final Logger LOG = LoggerFactory.getLogger(SshConnector.class);
    /** Beyond {@code connectTimeout} before TCP is up: resolving the name happens first and has no limit of its own. */
    private static final Duration NAME_LOOKUP_GRACE = Duration.ofSeconds(2);
    /** How long an abandoned connection attempt may take to end once its socket is closed. */
    private static final Duration ABANDON_WAIT = Duration.ofSeconds(5);
    /** How much longer than the handshake sshj's own waits are while connecting. */
    private static final Duration HANDSHAKE_MARGIN = Duration.ofSeconds(2);

    private SshConnector() {}

    /**
     * Connects, verifies the host key and authenticates, giving the authenticated client; every failure is a typed ops exception.
     * TCP has {@code connectTimeout}; everything after it (banner, key exchange, authentication)
     * has {@code handshakeTimeout} in all. The attempt runs on a thread of its own, so that when it
     * stalls, or the caller is interrupted, its socket is closed from here, which ends the attempt
     * and its thread: nothing of it is left behind.
     *
     * @throws OpsTimeoutException when the attempt stalled, naming the phase
     */
    static SSHClient connect(SshSettings settings, Credentials credentials) {
        String target = settings.target();
        Config config = SshConfigs.shared(); // first: it decides which security provider sshj uses
        HostKeyCheck hostKeys;
        try {
            hostKeys = HostKeyCheck.of(settings.hostKeyPolicy());
        } catch (IOException e) {
            throw new HostKeyException(settings.name(), "?", "cannot read known_hosts: " + e.getMessage());
        }
        SSHClient client = new SSHClient(config);
        client.addHostKeyVerifier(hostKeys);
        ConnectAttempt attempt = new ConnectAttempt();
        client.setSocketFactory(attempt);
        int roundTripMs = millis(settings.handshakeTimeout());
        // Every wait sshj does for an answer: key exchange, service accept, authentication replies,
        // and later channel opens, channel requests and channel closes.
        // While connecting, sshj's own waits get a little longer than the whole handshake, so that
        // the handshake's limit (which names the phase) is the one that fires.
        client.getTransport().setTimeoutMs(millis(settings.handshakeTimeout().plus(HANDSHAKE_MARGIN)));
        client.getConnection().setTimeoutMs(roundTripMs);
        if (!settings.keepAlive().isZero()) {
            // Before connect(): sshj starts the keepalive thread while connecting, and only when enabled.
            client.getConnection().getKeepAlive().setKeepAliveInterval((int) Math.max(1, settings.keepAlive().toSeconds()));
        }
        client.setConnectTimeout(millis(settings.connectTimeout()));
        long t0 = System.nanoTime();
        CompletableFuture<Void> done = new CompletableFuture<>();
        Thread worker = Thread.ofVirtual().name("ssh-connect-" + settings.name()).start(() -> {
            try {
                client.connect(settings.address(), settings.port());
                attempt.authenticating();
                client.auth(settings.user(), credentials.methods(settings.handshakeTimeout()));
                done.complete(null);
            } catch (Throwable e) {
                done.completeExceptionally(e);
            }
        });
        try {
            awaitHandshake(done, attempt, settings, t0);
        } catch (TimeoutException e) {
            ConnectAttempt.Phase phase = attempt.phase(bannerReceived(client));
            abandon(client, attempt, worker);
            Duration limit = phase == ConnectAttempt.Phase.TCP ? settings.connectTimeout() : settings.handshakeTimeout();
            throw new OpsTimeoutException("connecting to " + settings.name() + " (" + target + ")", limit,
                    "stalled in " + phase + " phase");
        } catch (InterruptedException e) {
            ConnectAttempt.Phase phase = attempt.phase(bannerReceived(client));
            abandon(client, attempt, worker);
            Thread.currentThread().interrupt();
            throw new OpsException("interrupted while connecting to " + settings.name() + " (" + target + ") in "
                    + phase + " phase", e);
        } catch (ExecutionException e) {
            ConnectAttempt.Phase phase = attempt.phase(bannerReceived(client));
            SshConnection.closeQuietly(client);
            if (timedOut(e.getCause())) { // one of sshj's own waits gave up first
                throw new OpsTimeoutException("connecting to " + settings.name() + " (" + target + ")",
                        settings.handshakeTimeout(), "stalled in " + phase + " phase");
            }
            throw failure(e.getCause(), settings, hostKeys, credentials, attempt);
        }
        client.getTransport().setTimeoutMs(roundTripMs);
        LOG.debug("{}: connected in {} ms", target, (System.nanoTime() - t0) / 1_000_000);
        return client;
    }

    /**
     * Waits for the attempt: up to {@code connectTimeout} (and a little for the name lookup) until
     * TCP is connected, then up to {@code handshakeTimeout} from that moment.
     */
    private static void awaitHandshake(CompletableFuture<Void> done, ConnectAttempt attempt, SshSettings settings, long t0)
            throws TimeoutException, InterruptedException, ExecutionException {
        while (true) {
            long connectedAt = attempt.connectedAt();
            long deadline = connectedAt != 0 ? connectedAt + settings.handshakeTimeout().toNanos()
                    : t0 + settings.connectTimeout().toNanos() + NAME_LOOKUP_GRACE.toNanos();
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                if (done.isDone()) {
                    done.get();
                    return;
                }
                throw new TimeoutException();
            }
            try {
                done.get(connectedAt != 0 ? left : Math.min(left, TimeUnit.MILLISECONDS.toNanos(50)), TimeUnit.NANOSECONDS);
                return;
            } catch (TimeoutException e) {
                // before TCP is up the deadline moves once it connects: look again
            }
        }
    }

    /** Closes the attempt's socket and client, and waits (bounded) for its thread to end. */
    private static void abandon(SSHClient client, ConnectAttempt attempt, Thread worker) {
        attempt.abort();
        SshConnection.closeQuietly(client);
        try {
            if (!worker.join(ABANDON_WAIT)) {
                LOG.debug("connection attempt thread {} still running after its socket was closed", worker.getName());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static OpsException failure(Throwable cause, SshSettings settings, HostKeyCheck hostKeys, Credentials credentials,
            ConnectAttempt attempt) {
        String target = settings.target();
        boolean authenticating = attempt.phase(true) == ConnectAttempt.Phase.AUTHENTICATION;
        return switch (cause) {
            case OpsException ops -> ops;
            case UserAuthException e -> new AuthenticationException(target, "the server refused " + credentials.describe()
                    + " for user " + settings.user() + ": " + SshConnection.message(e), e);
            case TransportException e when authenticating ->
                    new ConnectionException(target, "connection lost during authentication: " + SshConnection.message(e), e);
            case TransportException e when hostKeys.refusal() != null
                    || e.getDisconnectReason() == DisconnectReason.HOST_KEY_NOT_VERIFIABLE ->
                    new HostKeyException(settings.name(), String.valueOf(hostKeys.fingerprint()),
                            hostKeys.refusal() != null ? hostKeys.refusal() : SshConnection.message(e));
            case TransportException e when SshConnection.message(e).contains("certificate check failed") ->
                    new HostKeyException(settings.name(), String.valueOf(hostKeys.fingerprint()),
                            "the server's host certificate was refused: " + SshConnection.message(e));
            case TransportException e -> new ConnectionException(target, "SSH handshake failed: " + SshConnection.message(e), e);
            case UnknownHostException e -> new ConnectionException(target, "unknown host " + settings.address(), e);
            case IOException e -> new ConnectionException(target, "cannot connect: " + SshConnection.message(e), e);
            default -> new OpsException(target + ": connecting failed: " + SshConnection.message(cause), cause);
        };
    }

    private static boolean timedOut(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof TimeoutException) { // how sshj's Promise says that its wait ran out
                return true;
            }
        }
        return false;
    }

    private static boolean bannerReceived(SSHClient client) {
        try {
            String version = client.getTransport().getServerVersion();
            return version != null && !version.isEmpty();
        } catch (RuntimeException e) { // sshj cuts "SSH-2.0-" off a banner that may still be empty
            return false;
        }
    }

    private static int millis(Duration d) {
        return (int) Math.min(Integer.MAX_VALUE, Math.max(1, d.toMillis()));
    }
}
