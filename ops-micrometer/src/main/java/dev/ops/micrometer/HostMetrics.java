package dev.ops.micrometer;

import dev.ops.core.host.Command;
import dev.ops.core.host.CommandResult;
import dev.ops.core.host.Host;
import dev.ops.core.host.ObservedHost;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
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
        Objects.requireNonNull(registry, "registry");
        String name = Objects.requireNonNull(host, "host").name();
        return ObservedHost.of(host, new ObservedHost.Observer() {
            @Override
            public void ran(Command command, CommandResult result, Duration took) {
                record(Integer.toString(result.exitCode()), took);
            }

            @Override
            public void failed(Command command, RuntimeException failure, Duration took) {
                record("error", took);
            }

            private void record(String exit, Duration took) {
                Timer.builder("ops.host.commands").description("Commands run on hosts").tag("host", name).tag("exit", exit)
                        .register(registry).record(took);
            }
        });
    }
}
