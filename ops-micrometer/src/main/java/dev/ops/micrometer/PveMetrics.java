package dev.ops.micrometer;

import dev.ops.proxmox.ProxmoxListener;
import dev.ops.proxmox.task.TaskOutcome;
import dev.ops.proxmox.task.Upid;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * Meters for a Proxmox VE client: add it with {@code PveClient.builder().listener(PveMetrics.of(registry))}.
 *
 * <ul>
 *   <li>{@code ops.pve.calls} (timer): each API call (each attempt of a retried one), by {@code method}, {@code path}
 *       (the path template, e.g. {@code /nodes/{node}/qemu/{vmid}/status/start}) and {@code status} ({@code 0}: no answer);</li>
 *   <li>{@code ops.pve.tasks.started} (counter): tasks the client's calls started, by {@code type} (e.g. {@code qmclone});</li>
 *   <li>{@code ops.pve.task.waits} (timer): each wait for a task, by {@code type} and {@code outcome} ({@code ok},
 *       {@code warnings}, {@code failed}, {@code still_running}).</li>
 * </ul>
 */
public final class PveMetrics implements ProxmoxListener {
    private final MeterRegistry registry;

    private PveMetrics(MeterRegistry registry) {
        this.registry = Objects.requireNonNull(registry, "registry");
    }

    /** Meters registered in {@code registry}. */
    public static PveMetrics of(MeterRegistry registry) {
        return new PveMetrics(registry);
    }

    @Override
    public void callEnded(String method, String pathTemplate, int status, Duration took) {
        Timer.builder("ops.pve.calls").description("Proxmox VE API calls").tag("method", method).tag("path", pathTemplate)
                .tag("status", Integer.toString(status)).register(registry).record(took);
    }

    @Override
    public void taskStarted(Upid upid) {
        Counter.builder("ops.pve.tasks.started").description("Proxmox VE tasks started by this client's calls")
                .tag("type", upid.type()).register(registry).increment();
    }

    @Override
    public void taskEnded(TaskOutcome outcome) {
        Timer.builder("ops.pve.task.waits").description("Waits for Proxmox VE tasks, from the first poll's pause to the end seen")
                .tag("type", outcome.upid().type()).tag("outcome", outcome.state().name().toLowerCase(Locale.ROOT))
                .register(registry).record(outcome.waited());
    }
}
