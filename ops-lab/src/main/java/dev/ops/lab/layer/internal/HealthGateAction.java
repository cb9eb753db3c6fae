package dev.ops.lab.layer.internal;

import dev.ops.core.change.Action;
import dev.ops.core.change.Targets;
import dev.ops.core.error.ConflictException;
import dev.ops.core.host.Command;
import dev.ops.core.host.Host;
import dev.ops.srv.health.Probe;
import dev.ops.srv.health.ProbeResult;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * Layer L4's gate for one service: its health check (an http(s) URL fetched from the controller, a
 * shell command run on the host, or, when the site gives none, the unit being active), probed up to
 * {@link #TRIES} times a second apart. An unhealthy service fails the step, and the layer rolls back.
 *
 * @param host the host's target name
 * @param unit the systemd unit
 * @param health the site's health check; empty for the unit's state
 */
public record HealthGateAction(String host, String unit, String health) implements Action {
    /** How many probes a service gets before the gate fails. */
    public static final int TRIES = 3;

    public HealthGateAction {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(health, "health");
    }

    @Override
    public String target() {
        return host;
    }

    @Override
    public String render() {
        return "health gate on " + host + ": " + (health.isEmpty() ? unit + " is active" : health);
    }

    @Override
    public void execute(Targets targets) {
        Host h = targets.host(host);
        Probe probe = health.isEmpty() ? Probe.unit(h, unit)
                : health.startsWith("http://") || health.startsWith("https://") ? Probe.http(URI.create(health))
                : Probe.command(h, Command.shell(health));
        ProbeResult last = null;
        for (int i = 0; i < TRIES; i++) {
            last = probe.probe(Duration.ofSeconds(5));
            if (last.healthy()) {
                return;
            }
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new ConflictException("service " + unit + " on " + host, "layer L4's health gate failed: " + probe.describe() + ": "
                + (last == null ? "interrupted" : last.detail()), true);
    }
}
