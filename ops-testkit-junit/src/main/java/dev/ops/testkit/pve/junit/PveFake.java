package dev.ops.testkit.pve.junit;

import dev.ops.core.secret.Secret;
import dev.ops.pve.PveClient;
import dev.ops.testkit.pve.PveApiToken;
import dev.ops.testkit.pve.PveFakeServer;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * A {@link PveFakeServer} together with what an ops-pve {@link PveClient} needs to talk to it: an API
 * token with root@pam's privileges and the server's certificate pin. {@link EnablePveFake} injects one;
 * outside JUnit (a main method, jbang, JShell) start one yourself:
 *
 * <pre>{@code
 * try (PveFake pve = PveFake.start(b -> b.node("pve-01").vm(9000, "pve-01", vm -> vm.name("tmpl")));
 *         PveClient client = pve.newClient()) {
 *     client.node("pve-01").qemu().vm(9000).cloneTo(c -> c.newId(150)).awaitSuccess(Duration.ofSeconds(10));
 *     pve.server().guest(150);            // what the call did
 *     pve.reset();                        // back to the seeded cluster
 * }
 * }</pre>
 */
public final class PveFake implements AutoCloseable {
    /** The user of the token every {@code PveFake} adds, with all privileges. */
    public static final String TOKEN_USER = "root@pam";
    /** The name of that token. */
    public static final String TOKEN_NAME = "ops-test";

    private final PveFakeServer server;
    private final PveApiToken token;

    private PveFake(PveFakeServer server, PveApiToken token) {
        this.server = server;
        this.token = token;
    }

    /**
     * Starts a fake seeded by the lambda, adding the token {@value #TOKEN_USER}!{@value #TOKEN_NAME} (a fresh
     * random secret) that {@link #newClient()} uses.
     */
    public static PveFake start(Consumer<PveFakeServer.Builder> seed) {
        PveFakeServer.Builder b = PveFakeServer.builder();
        seed.accept(b);
        return start(b);
    }

    /** Starts a fake from a builder, adding the token {@link #newClient()} uses. */
    public static PveFake start(PveFakeServer.Builder builder) {
        builder.token(TOKEN_USER, TOKEN_NAME, UUID.randomUUID().toString());
        PveFakeServer server = builder.start();
        PveApiToken token = server.tokens().stream().filter(t -> t.userid().equals(TOKEN_USER) && t.name().equals(TOKEN_NAME))
                .reduce((first, last) -> last).orElseThrow();
        return new PveFake(server, token);
    }

    /** Wraps a server started elsewhere; {@link #newClient()} uses its first token ({@link PveFakeServer#token()}). */
    public static PveFake of(PveFakeServer server) {
        return new PveFake(Objects.requireNonNull(server, "server"), server.token());
    }

    /** The fake server, to seed, script answers, read its state and the requests it received. */
    public PveFakeServer server() {
        return server;
    }

    /** The token clients of {@link #newClient()} authenticate with. */
    public PveApiToken token() {
        return token;
    }

    /** A new client of the fake: its base URL, the token, the certificate pinned. Close it when done. */
    public PveClient newClient() {
        return clientBuilder().build();
    }

    /** A new client of the fake, the lambda changing what it needs (retry and poll policies, a login instead of the token, ...). */
    public PveClient newClient(Consumer<PveClient.Builder> settings) {
        PveClient.Builder b = clientBuilder();
        settings.accept(b);
        return b.build();
    }

    /** A client builder set up for the fake, for settings the lambda form does not reach. */
    public PveClient.Builder clientBuilder() {
        return PveClient.builder().baseUrl(server.baseUri().toString())
                .apiToken(token.userid(), token.name(), Secret.of(token.secret()))
                .pinnedCertificate(server.fingerprint()).name("pve-fake");
    }

    /** Puts the fake back to its seeded state ({@link PveFakeServer#reset()}). */
    public void reset() {
        server.reset();
    }

    /** Stops the server (in strict mode, failing on schema violations as {@link PveFakeServer#close()} does). */
    @Override
    public void close() {
        server.close();
    }

    @Override
    public String toString() {
        return "PveFake[" + server + "]";
    }
}
