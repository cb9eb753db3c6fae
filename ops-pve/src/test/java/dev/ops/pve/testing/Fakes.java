package dev.ops.pve.testing;

import dev.ops.core.secret.Secret;
import dev.ops.pve.PveClient;
import dev.ops.proxmox.RetryPolicy;
import dev.ops.proxmox.task.PollPolicy;
import dev.ops.testkit.pve.PveFakeServer;
import dev.ops.testkit.pve.RecordedCall;
import java.time.Duration;
import java.util.List;

/**
 * The client's tests' use of ops-testkit's fake PVE server: a two-node cluster, the token they authenticate
 * with, and clients that retry and poll fast. (ops-testkit-junit's {@code @EnablePveFake} sits above ops-pve,
 * so ops-pve's own tests make their clients here.)
 */
public final class Fakes {
    public static final String TOKEN_USER = "root@pam";
    public static final String TOKEN_ID = "ops";
    public static final String TOKEN_SECRET = "5b6f0c5e-3c1d-4a53-9d43-0c3f0b2f7a11";
    public static final String PASSWORD = "s3cret-pass";

    private Fakes() {}

    /** Nodes pve1 and pve2, the default storages, the token, root@pam's password; tasks end before the call that starts them returns. */
    public static PveFakeServer.Builder cluster() {
        return PveFakeServer.builder().node("pve1").node("pve2").token(TOKEN_USER, TOKEN_ID, TOKEN_SECRET)
                .user(TOKEN_USER, PASSWORD).taskDuration(Duration.ZERO);
    }

    /** A token client of the server (its certificate pinned), with fast retries and polls. */
    public static PveClient.Builder clientBuilder(PveFakeServer server) {
        return PveClient.builder().baseUrl(server.baseUri().toString()).name("lab").pinnedCertificate(server.fingerprint())
                .apiToken(TOKEN_USER, TOKEN_ID, Secret.of(TOKEN_SECRET))
                .retryPolicy(new RetryPolicy(3, Duration.ofMillis(1), Duration.ofMillis(5), Duration.ofSeconds(5)))
                .pollPolicy(new PollPolicy(Duration.ofMillis(1), 1.5, Duration.ofMillis(20), 0))
                .readTimeout(Duration.ofSeconds(5));
    }

    /** {@link #clientBuilder} built. */
    public static PveClient client(PveFakeServer server) {
        return clientBuilder(server).build();
    }

    /** The calls the server received with this method whose path ends with {@code pathSuffix}, oldest first. */
    public static List<RecordedCall> calls(PveFakeServer server, String method, String pathSuffix) {
        return server.requests().stream().filter(r -> r.method().equals(method) && r.path().endsWith(pathSuffix)).toList();
    }

    /** Where a call is among the server's requests (by identity: equal calls, such as repeated polls, are told apart). */
    public static int position(List<RecordedCall> requests, RecordedCall call) {
        for (int i = 0; i < requests.size(); i++) {
            if (requests.get(i) == call) {
                return i;
            }
        }
        throw new AssertionError("not among the requests: " + call);
    }

    /** The calls the server received that routed to this schema template, oldest first. */
    public static List<RecordedCall> callsTo(PveFakeServer server, String method, String template) {
        return server.requests().stream().filter(r -> r.method().equals(method) && r.template().equals(template)).toList();
    }
}
