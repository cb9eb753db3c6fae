package dev.ops.srv.unit;

import dev.ops.core.error.Violations;
import dev.ops.srv.unit.internal.UnitLint;
import dev.ops.srv.unit.internal.UnitText;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A {@code .service} unit file as typed values: its {@code [Unit]}, {@code [Service]} and
 * {@code [Install]} sections, with restart and start-limit settings, the watchdog, resource
 * limits and hardening options. {@link #render()} gives the same bytes for the same value.
 *
 * <pre>{@code
 * ServiceUnit web = ServiceUnit.builder()
 *         .description("web frontend")
 *         .addExecStart("/usr/local/bin/web", "--port", "8080")
 *         .restart(RestartPolicy.ON_FAILURE).restartSec(Duration.ofSeconds(2))
 *         .noNewPrivileges(true).protectSystem(ProtectSystem.STRICT)
 *         .addWantedBy("multi-user.target")
 *         .build();
 * }</pre>
 */
@Value.Immutable
public abstract class ServiceUnit {

    /** {@code Description=}: one line. */
    public abstract String description();

    /** {@code Documentation=} URIs. */
    public abstract List<String> documentation();

    /** {@code After=}: units this one starts after. */
    public abstract List<String> after();

    /** {@code Wants=}: units started along with this one. */
    public abstract List<String> wants();

    /** {@code Requires=}: units this one cannot run without. */
    public abstract List<String> requires();

    /** {@code StartLimitBurst=}: starts allowed within {@link #startLimitInterval()}; systemd's default is 5. */
    public abstract Optional<Integer> startLimitBurst();

    /** {@code StartLimitIntervalSec=}; systemd's default is 10 s, zero turns the limit off. */
    public abstract Optional<Duration> startLimitInterval();

    /** {@code Type=}. */
    @Value.Default
    public ServiceType type() {
        return ServiceType.SIMPLE;
    }

    /** {@code ExecStart=}: the program and its arguments, quoted as systemd needs. */
    public abstract List<String> execStart();

    /** {@code ExecReload=}: the program and its arguments; empty for none. */
    public abstract List<String> execReload();

    /** {@code User=}. */
    public abstract Optional<String> user();

    /** {@code Group=}. */
    public abstract Optional<String> group();

    /** {@code WorkingDirectory=}: an absolute path. */
    public abstract Optional<String> workingDirectory();

    /** {@code Environment=} variables, rendered sorted by name. */
    public abstract Map<String, String> environment();

    /** {@code Restart=}. */
    @Value.Default
    public RestartPolicy restart() {
        return RestartPolicy.NO;
    }

    /** {@code RestartSec=}; systemd's default is 100 ms. */
    public abstract Optional<Duration> restartSec();

    /** {@code TimeoutStopSec=}. */
    public abstract Optional<Duration> timeoutStopSec();

    /** {@code WatchdogSec=}: the program must send {@code WATCHDOG=1} at least this often. */
    public abstract Optional<Duration> watchdogSec();

    /** {@code LimitNOFILE=}: open files. */
    public abstract Optional<Long> limitNofile();

    /** {@code MemoryMax=} in bytes. */
    public abstract Optional<Long> memoryMax();

    /** {@code CPUQuota=} in percent of one CPU (200 is two CPUs). */
    public abstract Optional<Integer> cpuQuotaPercent();

    /** {@code TasksMax=}. */
    public abstract Optional<Long> tasksMax();

    /** {@code NoNewPrivileges=yes} when true. */
    @Value.Default
    public boolean noNewPrivileges() {
        return false;
    }

    /** {@code PrivateTmp=yes} when true. */
    @Value.Default
    public boolean privateTmp() {
        return false;
    }

    /** {@code ProtectSystem=}. */
    public abstract Optional<ProtectSystem> protectSystem();

    /** {@code ProtectHome=}. */
    public abstract Optional<ProtectHome> protectHome();

    /** {@code ReadWritePaths=}: absolute paths left writable under {@link #protectSystem()}. */
    public abstract List<String> readWritePaths();

    /** {@code ExecStartPre=}: commands run before the main one, each a program and its arguments. */
    public abstract List<List<String>> execStartPre();

    /** {@code EnvironmentFile=}: absolute paths of files that must exist when the service starts. */
    public abstract List<String> environmentFiles();

    /** {@code TimeoutStartSec=}. */
    public abstract Optional<Duration> timeoutStartSec();

    /** {@code StateDirectory=}: directory names under {@code /var/lib}, created and owned for the service, writable under hardening. */
    public abstract List<String> stateDirectories();

    /** {@code PrivateDevices=yes} when true. */
    @Value.Default
    public boolean privateDevices() {
        return false;
    }

    /** {@code ProtectKernelTunables=yes}, {@code ProtectKernelModules=yes} and {@code ProtectControlGroups=yes} when true. */
    @Value.Default
    public boolean protectKernel() {
        return false;
    }

    /** {@code RestrictAddressFamilies=}, e.g. {@code AF_INET AF_INET6 AF_UNIX}; empty for no restriction. */
    public abstract List<String> restrictAddressFamilies();

    /** {@code CapabilityBoundingSet=}: the only capabilities the service may ever hold; empty leaves systemd's default (all). */
    public abstract List<String> capabilityBoundingSet();

    /** {@code AmbientCapabilities=}, e.g. {@code CAP_NET_BIND_SERVICE}. */
    public abstract List<String> ambientCapabilities();

    /** {@code WantedBy=}: targets that pull this unit in when it is enabled. */
    public abstract List<String> wantedBy();

    /**
     * Not rendered: whether the program sends {@code READY=1} through sd_notify; {@link ServiceType#NOTIFY}
     * without it is a lint warning, since systemd would wait for a message that never comes.
     */
    @Value.Default
    public boolean programNotifies() {
        return false;
    }

    /** Not rendered: paths the service writes, checked by lint against the hardening options. */
    public abstract List<String> writesTo();

    /** A new, empty builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this value's settings, to derive a changed copy. */
    public Builder toBuilder() {
        return builder().from(this);
    }

    /** The unit file's text: fixed section and key order, LF line ends, so that equal values give equal bytes. */
    public String render() {
        return UnitText.render(this);
    }

    /** What our own lint finds in this unit, errors first; empty when nothing. */
    public List<LintFinding> lint() {
        return UnitLint.lint(this);
    }

    @Value.Check
    protected void check() {
        Violations v = Violations.of("service unit");
        UnitText.checkLine(v, "description", description());
        v.check(!description().isBlank(), "description", "must not be blank");
        v.check(!execStart().isEmpty(), "execStart", "must name the program to run");
        if (!execStart().isEmpty()) {
            v.check(execStart().get(0).startsWith("/"), "execStart", "'" + execStart().get(0) + "' must be an absolute path");
        }
        if (!execReload().isEmpty()) {
            v.check(execReload().get(0).startsWith("/"), "execReload", "'" + execReload().get(0) + "' must be an absolute path");
        }
        execStart().forEach(a -> UnitText.checkLine(v, "execStart", a));
        execReload().forEach(a -> UnitText.checkLine(v, "execReload", a));
        documentation().forEach(d -> UnitText.checkWord(v, "documentation", d));
        after().forEach(u -> UnitNames.check(v, "after", u));
        wants().forEach(u -> UnitNames.check(v, "wants", u));
        requires().forEach(u -> UnitNames.check(v, "requires", u));
        wantedBy().forEach(u -> UnitNames.check(v, "wantedBy", u));
        startLimitBurst().ifPresent(b -> v.check(b >= 0, "startLimitBurst", "must not be negative"));
        UnitText.checkDuration(v, "startLimitInterval", startLimitInterval());
        UnitText.checkDuration(v, "restartSec", restartSec());
        UnitText.checkDuration(v, "timeoutStopSec", timeoutStopSec());
        UnitText.checkDuration(v, "watchdogSec", watchdogSec());
        user().ifPresent(u -> v.check(u.matches("[a-z_][a-z0-9_-]*\\$?|[0-9]+"), "user", "'" + u + "' is not a user name"));
        group().ifPresent(g -> v.check(g.matches("[a-z_][a-z0-9_-]*\\$?|[0-9]+"), "group", "'" + g + "' is not a group name"));
        workingDirectory().ifPresent(d -> UnitText.checkPath(v, "workingDirectory", d));
        environment().forEach((k, val) -> {
            v.check(k.matches("[A-Za-z_][A-Za-z0-9_]*"), "environment", "'" + k + "' is not a variable name");
            UnitText.checkLine(v, "environment", val);
        });
        limitNofile().ifPresent(n -> v.check(n > 0, "limitNofile", "must be positive"));
        memoryMax().ifPresent(n -> v.check(n > 0, "memoryMax", "must be positive"));
        cpuQuotaPercent().ifPresent(n -> v.check(n > 0, "cpuQuotaPercent", "must be positive"));
        tasksMax().ifPresent(n -> v.check(n > 0, "tasksMax", "must be positive"));
        readWritePaths().forEach(p -> UnitText.checkPath(v, "readWritePaths", p));
        for (List<String> pre : execStartPre()) {
            v.check(!pre.isEmpty() && pre.get(0).startsWith("/"), "execStartPre", "each command must start with an absolute program path");
            pre.forEach(a -> UnitText.checkLine(v, "execStartPre", a));
        }
        environmentFiles().forEach(p -> UnitText.checkPath(v, "environmentFiles", p));
        UnitText.checkDuration(v, "timeoutStartSec", timeoutStartSec());
        stateDirectories().forEach(d -> v.check(d.matches("[A-Za-z0-9_.-]+(/[A-Za-z0-9_.-]+)*") && !d.startsWith(".") && !d.contains("/."),
                "stateDirectories", "'" + d + "' must be a relative path under /var/lib"));
        restrictAddressFamilies().forEach(f -> v.check(f.matches("AF_[A-Z0-9]+"), "restrictAddressFamilies", "'" + f + "' is not an address family"));
        capabilityBoundingSet().forEach(c -> v.check(c.matches("CAP_[A-Z_]+"), "capabilityBoundingSet", "'" + c + "' is not a capability"));
        ambientCapabilities().forEach(c -> v.check(c.matches("CAP_[A-Z_]+"), "ambientCapabilities", "'" + c + "' is not a capability"));
        writesTo().forEach(p -> UnitText.checkPath(v, "writesTo", p));
        v.throwIfAny();
    }

    /** Builds a {@link ServiceUnit}. */
    public static final class Builder extends ImmutableServiceUnit.Builder {}
}
