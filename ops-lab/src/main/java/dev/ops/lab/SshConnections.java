package dev.ops.lab;

import dev.ops.core.error.Violations;
import dev.ops.core.host.Host;
import dev.ops.core.host.SshHost;
import dev.ops.lab.site.Site;
import dev.ops.lab.site.SiteHost;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * The site's hosts reached over SSH (ops-ssh's {@link SshHost}), as the {@code hosts} section
 * describes them: address, port, login user, private key ({@code key}; the ssh-agent when absent)
 * and host keys checked strictly against {@code known_hosts} (the user's {@code ~/.ssh/known_hosts}
 * when absent). One connection per host, opened on first use and kept until {@link #close()}. It is
 * the connection function layers L3 and L4 and the runway take.
 *
 * <pre>{@code
 * try (SshConnections ssh = SshConnections.of(site)) {
 *     lab.layers(ops).hosts(ssh).ifPresent(l3 -> l3.apply());
 *     Runway.of(site, env).hosts(ssh).run();
 * }
 * }</pre>
 */
public final class SshConnections implements Function<SiteHost, Host>, AutoCloseable {
    private final Site site;
    private final Map<String, SshHost> open = new LinkedHashMap<>();

    private SshConnections(Site site) {
        this.site = site;
    }

    /** The hosts of {@code site}; nothing is connected yet. */
    public static SshConnections of(Site site) {
        return new SshConnections(Objects.requireNonNull(site, "site"));
    }

    /**
     * The connection to {@code host} (made on first use and then kept). A
     * {@link dev.ops.core.error.ValidationException} names what the site gives wrong (a key file that
     * is missing, for one), or a host that is not one of the site's; an unreachable host or an
     * unknown host key fails the first command run.
     */
    @Override
    public synchronized Host apply(SiteHost host) {
        Violations v = Violations.of("ssh connection");
        v.check(site.hosts().contains(host), "hosts." + host.name(), "is not one of the hosts of site " + site.name());
        v.throwIfAny();
        return open.computeIfAbsent(host.name(), n -> connect(host));
    }

    private static SshHost connect(SiteHost h) {
        SshHost.Builder b = SshHost.builder().name(h.name()).host(h.address()).port(h.port()).user(h.user());
        h.keyFile().ifPresentOrElse(b::privateKey, b::agent);
        h.knownHostsFile().ifPresent(b::knownHosts);
        return b.build();
    }

    /** Closes every connection made. */
    @Override
    public synchronized void close() {
        open.values().forEach(SshHost::close);
        open.clear();
    }
}
