package dev.ops.micrometer;

import dev.ops.core.host.Command;
import dev.ops.core.host.CommandResult;
import dev.ops.core.host.Host;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Objects;

/**
 * Times the commands a host runs: {@code ops.host.commands} (timer), by {@code host} (its name) and {@code exit} (the
 * exit code, or {@code error} when the command could not be run or timed out).
 *
 * <pre>{@code
 * Host host = HostMetrics.instrument(SshHost.builder().host("pve-01").user("root").build(), registry);
 * }</pre>
 */
public final class HostMetrics {
    private HostMetrics() {}

    /**
     * {@code host}, with every command run through it timed. Reads and writes of files go through {@code run} as
     * well, so they are timed too; closing it closes {@code host}.
     */
    public static Host instrument(Host host, MeterRegistry registry) {
        return new TimedHost(Objects.requireNonNull(host, "host"), Objects.requireNonNull(registry, "registry"));
    }

    private record TimedHost(Host host, MeterRegistry registry) implements Host {
        @Override
        public String name() {
            return host.name();
        }

        @Override
        public boolean isLocal() {
            return host.isLocal();
        }

        @Override
        public CommandResult run(Command command) {
            long started = System.nanoTime();
            String exit = "error";
            try {
                CommandResult result = host.run(command);
                exit = Integer.toString(result.exitCode());
                return result;
            } finally {
                Timer.builder("ops.host.commands").description("Commands run on hosts").tag("host", host.name()).tag("exit", exit)
                        .register(registry).record(System.nanoTime() - started, java.util.concurrent.TimeUnit.NANOSECONDS);
            }
        }

        @Override
        public void close() {
            host.close();
        }

        @Override
        public String toString() {
            return host.toString();
        }
    }
}
