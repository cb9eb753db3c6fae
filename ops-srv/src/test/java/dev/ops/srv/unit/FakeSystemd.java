package dev.ops.srv.unit;

import dev.ops.core.host.Command;
import dev.ops.core.host.CommandResult;
import dev.ops.testkit.host.ScriptedHost;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** A scripted host whose systemctl keeps units' active and file states, and records every command it got. */
final class FakeSystemd {
    final ScriptedHost host = ScriptedHost.named("web-1");
    final Map<String, String> active = new ConcurrentHashMap<>();
    final Map<String, String> files = new ConcurrentHashMap<>();
    final java.util.Set<String> etcFiles = ConcurrentHashMap.newKeySet();

    FakeSystemd() {
        host.on("sh", "-c").reply("uid=0\n");
        host.on("systemctl").answer(this::systemctl);
        // unit files of the fake live elsewhere than /etc/systemd/system unless a test puts one there
        host.on("test", "-f").answer(c -> result(c, etcFiles.contains(c.argv().get(2)) ? 0 : 1, "", ""));
    }

    FakeSystemd unit(String name, String activeState, String fileState) {
        active.put(name, activeState);
        files.put(name, fileState);
        return this;
    }

    /** The systemctl command lines received, without the privilege probe. */
    List<String> systemctlLines() {
        return host.commands().stream().filter(c -> c.argv().get(0).equals("systemctl")).map(c -> String.join(" ", c.argv())).toList();
    }

    private CommandResult systemctl(Command c) {
        List<String> a = c.argv();
        String verb = a.get(1);
        String unit = a.get(a.size() - 1);
        boolean known = active.containsKey(unit);
        switch (verb) {
            case "show":
                // systemctl prints properties in its own order, not the order asked for
                return ok(c, !known ? "LoadState=not-found\nActiveState=inactive\nId=" + unit + "\n"
                        : "NRestarts=3\nResult=success\nMainPID=" + (active.get(unit).equals("active") ? "4242" : "0") + "\nId=" + unit
                                + "\nSubState=" + (active.get(unit).equals("active") ? "running" : "dead") + "\nActiveState=" + active.get(unit)
                                + "\nUnitFileState=" + files.get(unit) + "\nLoadState=loaded\n");
            case "is-enabled":
                return known ? result(c, files.get(unit).equals("enabled") ? 0 : 1, files.get(unit) + "\n", "")
                        : result(c, 1, "", "Failed to get unit file state for " + unit + ": No such file or directory\n");
            case "start", "restart":
                active.put(unit, "active");
                return ok(c, "");
            case "stop":
                active.put(unit, "inactive");
                return ok(c, "");
            case "reload", "daemon-reload":
                return ok(c, "");
            case "enable":
                files.put(unit, "enabled");
                return ok(c, "");
            case "disable":
                files.put(unit, "disabled");
                return ok(c, "");
            case "mask":
                files.put(unit, "masked");
                return ok(c, "");
            case "unmask":
                files.put(unit, "disabled");
                return ok(c, "");
            default:
                return result(c, 1, "", "unknown verb " + verb);
        }
    }

    private CommandResult ok(Command c, String out) {
        return result(c, 0, out, "");
    }

    private CommandResult result(Command c, int exit, String out, String err) {
        return CommandResult.of(host.name(), c, exit, out.getBytes(StandardCharsets.UTF_8), err.getBytes(StandardCharsets.UTF_8), Duration.ZERO, false);
    }
}
