package dev.ops.srv.discovery;

import dev.ops.core.error.Violations;
import dev.ops.core.host.Command;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * An nginx {@code upstream} block in a file of its own (included from {@code http {}}) rendered
 * from the registry: one {@code server <address>:<port>;} per healthy instance of the service, by
 * id; with none healthy, a single {@code down} server, since nginx refuses an empty upstream.
 *
 * <pre>{@code
 * NginxUpstream api = NginxUpstream.builder().path("/etc/nginx/conf.d/api-upstream.conf").service("api")
 *         .reload(Command.of("sh", "-c", "nginx -t && nginx -s reload")).build();
 * }</pre>
 */
@Value.Immutable
public abstract class NginxUpstream {

    /** The file's absolute path. */
    public abstract String path();

    /** The service whose instances fill the upstream. */
    public abstract String service();

    /** The upstream's name; the service's name by default. */
    @Value.Default
    public String upstream() {
        return service();
    }

    /** What follows each server's address (such as {@code max_fails=2}); nothing by default. */
    @Value.Default
    public String serverOptions() {
        return "";
    }

    /** What makes nginx load the file again (check it first: {@code nginx -t && nginx -s reload}), run after each write and its undo. */
    public abstract Optional<Command> reload();

    /** Whether the file is written as root. */
    @Value.Default
    public boolean asRoot() {
        return false;
    }

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
        Violations v = Violations.of("nginx upstream " + upstream());
        v.check(path().startsWith("/") && !path().contains(".."), "path", "'" + path() + "' must be an absolute path");
        v.check(upstream().matches("[A-Za-z0-9_.-]+"), "upstream", "'" + upstream() + "' is not an upstream name");
        v.check(serverOptions().matches("[A-Za-z0-9_=. -]*"), "serverOptions", "'" + serverOptions() + "' is not a list of server parameters");
        v.throwIfAny();
    }

    /** Builds an {@link NginxUpstream}. */
    public static final class Builder extends ImmutableNginxUpstream.Builder {}
}
