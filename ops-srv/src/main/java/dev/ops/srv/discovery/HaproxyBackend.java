package dev.ops.srv.discovery;

import dev.ops.core.error.Violations;
import dev.ops.core.host.Command;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A backend of HAProxy's configuration whose {@code server} lines are rendered from the registry:
 * one {@code server <id> <address>:<port> <options>} per healthy instance of the service, in id
 * order, in place of the lines there were; checked with {@code haproxy -c}, then HAProxy reloaded.
 *
 * <pre>{@code
 * HaproxyBackend api = HaproxyBackend.builder().path("/etc/haproxy/haproxy.cfg").asRoot(true).service("api").serverOptions("check inter 2s")
 *         .reload(Command.of("systemctl", "reload", "haproxy")).build();
 * }</pre>
 */
@Value.Immutable
public abstract class HaproxyBackend {

    /** The configuration file's absolute path, {@code /etc/haproxy/haproxy.cfg} by default. */
    @Value.Default
    public String path() {
        return "/etc/haproxy/haproxy.cfg";
    }

    /** Whether the file is read and written as root. */
    @Value.Default
    public boolean asRoot() {
        return false;
    }

    /** The service whose instances fill the backend. */
    public abstract String service();

    /** The backend's name in the configuration; the service's name by default. */
    @Value.Default
    public String backend() {
        return service();
    }

    /** What follows each server's address, {@code check} by default. */
    @Value.Default
    public String serverOptions() {
        return "check";
    }

    /** What makes HAProxy load the file again, run after each write and after its undo. */
    public abstract Optional<Command> reload();

    /** A new, empty builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this value's settings. */
    public Builder toBuilder() {
        return builder().from(this);
    }

    @Value.Check
    protected void check() {
        Violations v = Violations.of("haproxy backend " + backend());
        v.check(path().startsWith("/") && !path().contains(".."), "path", "'" + path() + "' must be an absolute path");
        v.check(backend().matches("[A-Za-z0-9_.:-]+"), "backend", "'" + backend() + "' is not a proxy name");
        v.check(!serverOptions().contains("\n") && !serverOptions().contains("#"), "serverOptions", "must be one line without comments");
        v.throwIfAny();
    }

    /** Builds a {@link HaproxyBackend}. */
    public static final class Builder extends ImmutableHaproxyBackend.Builder {}
}
