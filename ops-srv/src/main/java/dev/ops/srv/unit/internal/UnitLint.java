package dev.ops.srv.unit.internal;

import dev.ops.srv.unit.LintFinding;
import dev.ops.srv.unit.LintFinding.Severity;
import dev.ops.srv.unit.ProtectHome;
import dev.ops.srv.unit.RestartPolicy;
import dev.ops.srv.unit.ServiceType;
import dev.ops.srv.unit.ServiceUnit;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Mistakes systemd accepts silently: a start limit that can never trip, notify without a notifier, hardening that blocks the service's own writes. */
public final class UnitLint {
    /** systemd's {@code DefaultStartLimitBurst}. */
    static final int DEFAULT_BURST = 5;
    /** systemd's {@code DefaultStartLimitIntervalSec}. */
    static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(10);
    /** systemd's default {@code RestartSec}. */
    static final Duration DEFAULT_RESTART_SEC = Duration.ofMillis(100);

    private UnitLint() {}

    /** Every finding, errors first. */
    public static List<LintFinding> lint(ServiceUnit u) {
        List<LintFinding> out = new ArrayList<>();
        startLimit(u, out);
        if (u.type() == ServiceType.NOTIFY && !u.programNotifies()) {
            out.add(new LintFinding(Severity.WARNING, "type", "Type=notify waits for READY=1 from the program; "
                    + "unless it calls sd_notify the start times out (say programNotifies(true) when it does)"));
        }
        if (u.watchdogSec().isPresent() && !u.watchdogSec().get().isZero() && !u.programNotifies()) {
            out.add(new LintFinding(Severity.WARNING, "watchdogSec", "WatchdogSec needs WATCHDOG=1 pings from the program; "
                    + "without them systemd kills it every " + UnitText.duration(u.watchdogSec().get())));
        }
        for (String path : u.writesTo()) {
            blockedBy(u, path).ifPresent(why -> out.add(new LintFinding(Severity.ERROR, "writesTo", "the service writes " + path
                    + " but " + why + " makes it read-only; add it to readWritePaths")));
        }
        out.sort(Comparator.comparing(LintFinding::severity));
        return out;
    }

    private static void startLimit(ServiceUnit u, List<LintFinding> out) {
        if (u.restart() == RestartPolicy.NO) {
            return;
        }
        int burst = u.startLimitBurst().orElse(DEFAULT_BURST);
        Duration interval = u.startLimitInterval().orElse(DEFAULT_INTERVAL);
        Duration restartSec = u.restartSec().orElse(DEFAULT_RESTART_SEC);
        if (burst < 2 || interval.isZero()) {
            return;
        }
        // Starts are at least RestartSec apart, so Burst of them span at least RestartSec × (Burst − 1).
        Duration span = restartSec.multipliedBy(burst - 1L);
        if (span.compareTo(interval) > 0) {
            out.add(new LintFinding(Severity.ERROR, "startLimitInterval", "the start limit can never trip: RestartSec "
                    + UnitText.duration(restartSec) + " × (StartLimitBurst " + burst + " − 1) = " + UnitText.duration(span)
                    + " exceeds StartLimitIntervalSec " + UnitText.duration(interval) + ", so a crashing service restarts forever"));
        }
    }

    private static java.util.Optional<String> blockedBy(ServiceUnit u, String path) {
        if (u.readWritePaths().stream().anyMatch(rw -> under(path, rw))
                || u.stateDirectories().stream().anyMatch(d -> under(path, "/var/lib/" + d))) {
            return java.util.Optional.empty();
        }
        if (u.protectSystem().isPresent()) {
            for (String tree : u.protectSystem().get().readOnlyTrees()) {
                boolean exempt = tree.equals("/") && (under(path, "/dev") || under(path, "/proc") || under(path, "/sys")
                        || u.privateTmp() && (under(path, "/tmp") || under(path, "/var/tmp")));
                if (under(path, tree) && !exempt) {
                    return java.util.Optional.of("ProtectSystem=" + u.protectSystem().get().value());
                }
            }
        }
        if (u.protectHome().isPresent() && u.protectHome().get() != ProtectHome.TMPFS
                && (under(path, "/home") || under(path, "/root") || under(path, "/run/user"))) {
            return java.util.Optional.of("ProtectHome=" + u.protectHome().get().value());
        }
        return java.util.Optional.empty();
    }

    private static boolean under(String path, String tree) {
        return tree.equals("/") || path.equals(tree) || path.startsWith(tree.endsWith("/") ? tree : tree + "/");
    }
}
