package dev.ops.net;

import dev.ops.core.host.Command;
import dev.ops.core.host.CommandResult;
import dev.ops.core.host.Host;
import dev.ops.core.host.LocalHost;
import dev.ops.core.testing.RealComponents;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A throw-away network namespace {@code ops-test-<random>} and a {@link Host} that runs every
 * command inside it with {@code ip netns exec}. Closing deletes the namespace and all its links.
 */
public final class Netns implements AutoCloseable {
    private static final LocalHost LOCAL = LocalHost.create();
    private final String name;
    private final Map<String, String> env = new HashMap<>();

    private Netns(String name) {
        this.name = name;
    }

    /** Skips (or fails under OPS_REQUIRE_REAL=1) unless root with iproute2, then creates a namespace. */
    public static Netns create() {
        RealComponents.program("ip");
        RealComponents.root();
        String name = "ops-test-" + UUID.randomUUID().toString().substring(0, 8);
        LOCAL.check(Command.of("ip", "netns", "add", name).withTimeout(Duration.ofSeconds(20)));
        Netns ns = new Netns(name);
        ns.host().check(Command.of("ip", "link", "set", "lo", "up"));
        return ns;
    }

    /** The namespace name. */
    public String name() {
        return name;
    }

    /** Sets an environment variable for every command run in the namespace (e.g. SSH_CONNECTION). */
    public Netns env(String key, String value) {
        env.put(key, value);
        return this;
    }

    /** Whether the kernel can create a link of this {@code ip link add ... type} inside the namespace. */
    public boolean supports(String... typeArgs) {
        List<String> argv = new ArrayList<>(List.of("ip", "link", "add", "name", "probe0", "type"));
        argv.addAll(List.of(typeArgs));
        boolean ok = host().run(Command.of(argv)).ok();
        host().run(Command.of("ip", "link", "del", "probe0"));
        return ok;
    }

    /** A host whose commands run inside this namespace. */
    public Host host() {
        return new Host() {
            @Override
            public String name() {
                return "netns:" + name;
            }

            @Override
            public boolean isLocal() {
                return true;
            }

            @Override
            public CommandResult run(Command command) {
                List<String> argv = new ArrayList<>(List.of("ip", "netns", "exec", name));
                argv.addAll(command.argv());
                Command wrapped = command.toBuilder().argv(argv).putAllEnv(env).sudo(false).build();
                return LOCAL.run(wrapped);
            }
        };
    }

    /** Links in the namespace, names only, loopback excluded. */
    public List<String> linkNames() {
        String out = host().output("ip", "-o", "link", "show");
        List<String> names = new ArrayList<>();
        for (String line : out.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            String n = line.split(":\\s+")[1].split("@")[0];
            if (!n.equals("lo")) {
                names.add(n);
            }
        }
        return names;
    }

    @Override
    public void close() {
        LOCAL.run(Command.of("ip", "netns", "del", name).withTimeout(Duration.ofSeconds(20)));
    }
}
