package dev.ops.lab.testing;

import dev.ops.core.host.Command;
import dev.ops.core.host.CommandResult;
import dev.ops.testkit.host.ScriptedHost;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** A scripted host whose systemctl keeps each unit's state (active or not, enabled or not) and whose health command answers as told. */
public final class ScriptedSystemd {
    private final ScriptedHost host;
    private final Map<String, Boolean> active = new ConcurrentHashMap<>();
    private final Map<String, Boolean> enabled = new ConcurrentHashMap<>();
    private volatile boolean healthy = true;

    /** A host named {@code name} with {@code unit} installed, stopped and disabled, whose {@code health} shell command answers. */
    public ScriptedSystemd(String name, String unit, String health) {
        host = ScriptedHost.named(name);
        active.put(unit, false);
        enabled.put(unit, false);
        host.when(c -> c.argv().equals(List.of("sh", "-c", health)), "health").answer(c -> result(c, healthy ? 0 : 7, "", "connection refused\n"));
        host.on("sh", "-c").reply("uid=0\n");
        host.on("systemctl").answer(this::systemctl);
        host.on("true").reply("");
    }

    public ScriptedHost host() {
        return host;
    }

    /** Makes the health command fail from now on. */
    public ScriptedSystemd unhealthy() {
        healthy = false;
        return this;
    }

    public boolean active(String unit) {
        return active.get(unit);
    }

    public boolean enabled(String unit) {
        return enabled.get(unit);
    }

    private CommandResult systemctl(Command c) {
        String verb = c.argv().get(1);
        String unit = c.argv().get(c.argv().size() - 1);
        boolean on = active.getOrDefault(unit, false);
        return switch (verb) {
            case "show" -> result(c, 0, "Id=" + unit + "\nLoadState=loaded\nActiveState=" + (on ? "active" : "inactive") + "\nSubState="
                    + (on ? "running" : "dead") + "\nUnitFileState=" + (enabled.get(unit) ? "enabled" : "disabled") + "\nMainPID=0\n", "");
            case "is-enabled" -> result(c, enabled.get(unit) ? 0 : 1, enabled.get(unit) ? "enabled\n" : "disabled\n", "");
            case "start" -> set(c, active, unit, true);
            case "stop" -> set(c, active, unit, false);
            case "enable" -> set(c, enabled, unit, true);
            case "disable" -> set(c, enabled, unit, false);
            case "daemon-reload" -> result(c, 0, "", "");
            default -> result(c, 1, "", "not scripted: systemctl " + verb + "\n");
        };
    }

    private CommandResult set(Command c, Map<String, Boolean> state, String unit, boolean value) {
        state.put(unit, value);
        return result(c, 0, "", "");
    }

    private CommandResult result(Command c, int exit, String out, String err) {
        return CommandResult.of(host.name(), c, exit, out.getBytes(StandardCharsets.UTF_8), err.getBytes(StandardCharsets.UTF_8), Duration.ZERO, false);
    }
}
