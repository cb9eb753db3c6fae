package dev.ops.srv.unit.internal;

import dev.ops.core.error.Violations;
import dev.ops.srv.unit.DropIn;
import dev.ops.srv.unit.ServiceUnit;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Renders units and drop-ins as systemd reads them, byte-stable; and the checks on single values. */
public final class UnitText {
    /** The sections in the order they are written. */
    public static final List<String> SECTIONS = List.of("Unit", "Service", "Install");

    private UnitText() {}

    /** The unit file text of {@code unit}. */
    public static String render(ServiceUnit unit) {
        Map<String, List<String[]>> s = sections();
        add(s, "Unit", "Description", unit.description());
        unit.documentation().forEach(d -> add(s, "Unit", "Documentation", d));
        if (!unit.after().isEmpty()) {
            add(s, "Unit", "After", String.join(" ", unit.after()));
        }
        if (!unit.wants().isEmpty()) {
            add(s, "Unit", "Wants", String.join(" ", unit.wants()));
        }
        if (!unit.requires().isEmpty()) {
            add(s, "Unit", "Requires", String.join(" ", unit.requires()));
        }
        unit.startLimitBurst().ifPresent(b -> add(s, "Unit", "StartLimitBurst", Integer.toString(b)));
        unit.startLimitInterval().ifPresent(d -> add(s, "Unit", "StartLimitIntervalSec", duration(d)));

        add(s, "Service", "Type", unit.type().value());
        unit.execStartPre().forEach(c -> add(s, "Service", "ExecStartPre", command(c)));
        add(s, "Service", "ExecStart", command(unit.execStart()));
        if (!unit.execReload().isEmpty()) {
            add(s, "Service", "ExecReload", command(unit.execReload()));
        }
        unit.user().ifPresent(u -> add(s, "Service", "User", u));
        unit.group().ifPresent(g -> add(s, "Service", "Group", g));
        unit.workingDirectory().ifPresent(d -> add(s, "Service", "WorkingDirectory", d));
        new TreeMap<>(unit.environment()).forEach((k, v) -> add(s, "Service", "Environment", quote(k + "=" + v)));
        unit.environmentFiles().forEach(f -> add(s, "Service", "EnvironmentFile", escape(f)));
        add(s, "Service", "Restart", unit.restart().value());
        unit.restartSec().ifPresent(d -> add(s, "Service", "RestartSec", duration(d)));
        unit.timeoutStartSec().ifPresent(d -> add(s, "Service", "TimeoutStartSec", duration(d)));
        unit.timeoutStopSec().ifPresent(d -> add(s, "Service", "TimeoutStopSec", duration(d)));
        unit.watchdogSec().ifPresent(d -> add(s, "Service", "WatchdogSec", duration(d)));
        unit.limitNofile().ifPresent(n -> add(s, "Service", "LimitNOFILE", Long.toString(n)));
        unit.memoryMax().ifPresent(n -> add(s, "Service", "MemoryMax", Long.toString(n)));
        unit.cpuQuotaPercent().ifPresent(n -> add(s, "Service", "CPUQuota", n + "%"));
        unit.tasksMax().ifPresent(n -> add(s, "Service", "TasksMax", Long.toString(n)));
        if (unit.noNewPrivileges()) {
            add(s, "Service", "NoNewPrivileges", "yes");
        }
        if (unit.privateTmp()) {
            add(s, "Service", "PrivateTmp", "yes");
        }
        unit.protectSystem().ifPresent(p -> add(s, "Service", "ProtectSystem", p.value()));
        unit.protectHome().ifPresent(p -> add(s, "Service", "ProtectHome", p.value()));
        if (unit.privateDevices()) {
            add(s, "Service", "PrivateDevices", "yes");
        }
        if (unit.protectKernel()) {
            add(s, "Service", "ProtectKernelTunables", "yes");
            add(s, "Service", "ProtectKernelModules", "yes");
            add(s, "Service", "ProtectControlGroups", "yes");
        }
        if (!unit.restrictAddressFamilies().isEmpty()) {
            add(s, "Service", "RestrictAddressFamilies", String.join(" ", unit.restrictAddressFamilies()));
        }
        if (!unit.capabilityBoundingSet().isEmpty()) {
            add(s, "Service", "CapabilityBoundingSet", String.join(" ", unit.capabilityBoundingSet()));
        }
        if (!unit.ambientCapabilities().isEmpty()) {
            add(s, "Service", "AmbientCapabilities", String.join(" ", unit.ambientCapabilities()));
        }
        if (!unit.stateDirectories().isEmpty()) {
            add(s, "Service", "StateDirectory", String.join(" ", unit.stateDirectories()));
        }
        if (!unit.readWritePaths().isEmpty()) {
            add(s, "Service", "ReadWritePaths", String.join(" ", unit.readWritePaths().stream().map(UnitText::escape).toList()));
        }
        if (!unit.wantedBy().isEmpty()) {
            add(s, "Install", "WantedBy", String.join(" ", unit.wantedBy()));
        }
        return text(s);
    }

    /** The drop-in file text of {@code dropIn}. */
    public static String render(DropIn dropIn) {
        Map<String, List<String[]>> s = sections();
        dropIn.settings().forEach(e -> add(s, e.section(), e.key(), e.value()));
        return text(s);
    }

    private static Map<String, List<String[]>> sections() {
        Map<String, List<String[]>> s = new LinkedHashMap<>();
        SECTIONS.forEach(n -> s.put(n, new ArrayList<>()));
        return s;
    }

    private static void add(Map<String, List<String[]>> s, String section, String key, String value) {
        s.get(section).add(new String[] {key, value});
    }

    private static String text(Map<String, List<String[]>> s) {
        StringBuilder out = new StringBuilder("# Written by ops; changes here are overwritten.\n");
        s.forEach((section, lines) -> {
            if (lines.isEmpty()) {
                return;
            }
            out.append('\n').append('[').append(section).append("]\n");
            lines.forEach(l -> out.append(l[0]).append('=').append(l[1]).append('\n'));
        });
        return out.toString();
    }

    /** A duration as systemd reads it: whole seconds as {@code 5s}, else milliseconds as {@code 250ms}. */
    public static String duration(Duration d) {
        long ms = d.toMillis();
        return ms % 1000 == 0 ? ms / 1000 + "s" : ms + "ms";
    }

    /** A command line: the program, then each argument quoted when it needs it. */
    static String command(List<String> argv) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < argv.size(); i++) {
            String a = argv.get(i).replace("%", "%%");
            // $ starts variable expansion in arguments; the program path is taken literally
            out.add(i == 0 ? escape(a) : quote(a.replace("$", "$$")));
        }
        return String.join(" ", out);
    }

    /** {@code s} in double quotes when it holds a space, quote, backslash or is empty; as it is otherwise. */
    static String quote(String s) {
        if (!s.isEmpty() && s.chars().noneMatch(c -> c == ' ' || c == '\t' || c == '"' || c == '\'' || c == '\\' || c == ';')) {
            return s;
        }
        return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }

    private static String escape(String path) {
        return path.replace("\\", "\\\\").replace(" ", "\\x20");
    }

    /** Adds a violation when {@code value} has a line break, a NUL or other control character. */
    public static void checkLine(Violations v, String field, String value) {
        v.check(value.chars().noneMatch(c -> c < 0x20 && c != '\t' || c == 0x7f), field,
                "'" + value.replaceAll("\\p{Cntrl}", "?") + "' must be one line without control characters");
    }

    /** Adds a violation when {@code value} is empty or holds whitespace or control characters. */
    public static void checkWord(Violations v, String field, String value) {
        v.check(!value.isEmpty() && value.chars().noneMatch(c -> c <= 0x20 || c == 0x7f), field,
                "'" + value.replaceAll("\\p{Cntrl}", "?") + "' must be one word");
    }

    /** Adds a violation when {@code path} is not an absolute, normalized path on one line. */
    public static void checkPath(Violations v, String field, String path) {
        checkLine(v, field, path);
        v.check(path.startsWith("/") && !path.contains("/../") && !path.endsWith("/..") && !path.contains("//"), field,
                "'" + path + "' must be an absolute path without '..'");
    }

    /** Adds a violation when {@code d} is negative or finer than a millisecond. */
    public static void checkDuration(Violations v, String field, Optional<Duration> d) {
        d.ifPresent(x -> v.check(!x.isNegative() && x.toNanos() % 1_000_000 == 0, field,
                "must be zero or more whole milliseconds, not " + x));
    }
}
