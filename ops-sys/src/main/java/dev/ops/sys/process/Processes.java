package dev.ops.sys.process;

import dev.ops.core.error.OpsException;
import dev.ops.core.error.Violations;
import dev.ops.core.host.Command;
import dev.ops.core.host.CommandResult;
import dev.ops.core.host.Host;
import dev.ops.sys.facts.internal.FactsScript;
import dev.ops.sys.facts.internal.Sections;
import dev.ops.sys.process.internal.ProcStat;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The processes of a host, read from /proc in one command, and signals sent to them with a typed
 * result.
 *
 * <pre>{@code
 * List<ProcessInfo> sshd = Processes.on(host).findByName("sshd");
 * SignalResult r = Processes.on(host).signal(sshd.get(0).pid(), Signal.HUP);
 * }</pre>
 */
public final class Processes {
    private static final String SCRIPT = String.join("\n",
            "m=$1; LC_ALL=C; export LC_ALL",
            "s() { printf '\\n%s %s\\n' \"$m\" \"$1\"; }",
            "s clk; getconf CLK_TCK 2>/dev/null || echo 100",
            "s page; getconf PAGESIZE 2>/dev/null || echo 4096",
            "s btime; grep '^btime' /proc/stat",
            "s passwd; cat /etc/passwd 2>/dev/null",
            "s procs; cd /proc && head -v -c 262144 [0-9]*/stat [0-9]*/status [0-9]*/cmdline 2>/dev/null",
            "s end", "exit 0");

    private final Host host;
    private final boolean sudo;

    private Processes(Host host, boolean sudo) {
        this.host = Objects.requireNonNull(host, "host");
        this.sudo = sudo;
    }

    /** Processes of this host, read and signalled as the host's user. */
    public static Processes on(Host host) {
        return new Processes(host, false);
    }

    /** The same, reading and signalling as root (sudo), which sees and may signal every process. */
    public Processes asRoot() {
        return new Processes(host, true);
    }

    /** Every process now, by pid. A process that exits while it is read is left out. */
    public List<ProcessInfo> list() {
        String marker = FactsScript.newMarker();
        CommandResult r = host.check(Command.builder().addArgv("sh", "-c", SCRIPT, "ops-ps", marker).sudo(sudo)
                .timeout(Duration.ofSeconds(60)).build());
        String out = r.stdoutText();
        if (!out.contains(marker + " end")) {
            throw new OpsException("processes of " + host.name() + ": output ended early");
        }
        return ProcStat.parseAll(Sections.split(out, marker));
    }

    /** The process with that pid, if it exists. */
    public Optional<ProcessInfo> get(long pid) {
        return list().stream().filter(p -> p.pid() == pid).findFirst();
    }

    /** Processes whose command name or program file name ({@code argv[0]} without its directory) is {@code name}. */
    public List<ProcessInfo> findByName(String name) {
        return list().stream().filter(p -> p.name().equals(name) || (!p.commandLine().isEmpty() && baseName(p.commandLine().get(0)).equals(name)))
                .toList();
    }

    /** Processes whose real user is {@code user} (a name or a numeric uid). */
    public List<ProcessInfo> findByUser(String user) {
        return list().stream().filter(p -> p.user().equals(user) || String.valueOf(p.uid()).equals(user)).toList();
    }

    /** Sends {@code signal} to {@code pid} and says whether it was delivered, the process was gone, or not permitted. */
    public SignalResult signal(long pid, Signal signal) {
        Violations.of("signal").check(pid > 0, "pid", "must be positive (process groups and -1 are not signalled), was " + pid).throwIfAny();
        CommandResult r = host.run(Command.builder().addArgv("env", "LC_ALL=C", "kill", "-s", signal == Signal.CHECK ? "0" : signal.name(), "--", Long.toString(pid))
               .sudo(sudo).build());
        if (r.ok()) {
            return new SignalResult.Delivered(pid, signal);
        }
        String err = r.stderrText();
        if (err.contains("No such process")) {
            return new SignalResult.NoSuchProcess(pid);
        }
        if (err.contains("not permitted")) {
            return new SignalResult.NotPermitted(pid, err.strip());
        }
        r.orThrow();
        throw new IllegalStateException("unreachable");
    }

    private static String baseName(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? path : path.substring(slash + 1);
    }
}
