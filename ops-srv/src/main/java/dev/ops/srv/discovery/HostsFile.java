package dev.ops.srv.discovery;

import dev.ops.core.error.Violations;
import dev.ops.core.host.Command;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A hosts file for dnsmasq ({@code --addn-hosts FILE}) rendered from the registry: for each healthy
 * instance, {@code <address> <service>.<domain> <id>.<service>.<domain>}, so that the service's
 * name answers with every healthy instance.
 *
 * <pre>{@code
 * HostsFile hosts = HostsFile.builder().path("/etc/dnsmasq.d/services.hosts").domain("svc.lab")
 *         .reload(Command.of("pkill", "-HUP", "-x", "dnsmasq")).build();
 * }</pre>
 */
@Value.Immutable
public abstract class HostsFile {

    /** The file's absolute path. */
    public abstract String path();

    /** The domain under which services are named. */
    public abstract String domain();

    /** What makes dnsmasq read the file again (it does on SIGHUP), run after each write and after its undo. */
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
        Violations v = Violations.of("hosts file " + path());
        v.check(path().startsWith("/") && !path().contains(".."), "path", "'" + path() + "' must be an absolute path");
        v.check(domain().matches("[a-z0-9]([a-z0-9.-]*[a-z0-9])?"), "domain", "'" + domain() + "' is not a domain");
        v.throwIfAny();
    }

    /** Builds a {@link HostsFile}. */
    public static final class Builder extends ImmutableHostsFile.Builder {}
}
