package dev.ops.core.host.internal.ssh;

import dev.ops.core.host.Command;
import dev.ops.core.host.ShellQuote;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a {@link Command} into the one line an SSH exec request carries (the server runs it with
 * the login shell's {@code -c}): {@code cd DIR && env K=V argv...}, every word quoted, and with
 * {@code sudo -n --} in front when escalating (then the directory change happens as root too).
 */
public final class CommandLine {
    private static final String CD_THEN_EXEC = "cd -- \"$1\" || exit 1; shift; exec \"$@\"";

    /** What the remote shell prints first on standard error: its pid, which is the command's process group. */
    public static final String PID_MARKER = "ops-pid:";

    private CommandLine() {}

    /**
     * The line prefixed with a report of the remote shell's pid on standard error (read and removed
     * by the caller) and a {@link #watchSession session watcher}. sshd makes every session a process
     * group led by that shell, so on timeout the whole group can be killed: sshd itself refuses
     * signal requests for root logins.
     */
    public static String withPidReport(String line, boolean escalate) {
        return "echo " + PID_MARKER + "$$ >&2; " + watchSession(escalate) + line;
    }

    /**
     * A shell snippet that starts, in the background, a watcher that ends the session's processes
     * when the SSH connection ends under them: without a terminal sshd sends no SIGHUP, so a
     * command whose client died (the JVM was killed, the network dropped) would otherwise run on.
     *
     * <p>The watcher checks once a second that the session leader ({@code $$}, whose pid is the
     * process group of everything the session runs) still has the sshd process that serves the
     * connection ({@code $PPID}) as its parent. When that sshd exits the leader is re-parented, and
     * the watcher kills the group: TERM, then KILL after a short grace, as root through
     * {@code sudo -n} when the session escalates. When the leader exits by itself the watcher just
     * ends. It runs in a session of its own ({@code setsid -f}, where present) with no descriptor of
     * the channel's, so it neither holds the channel open nor dies with the group it kills. Reads
     * {@code /proc}; a process group can be stopped later by the same {@link #killGroup}.
     */
    public static String watchSession(boolean escalate) {
        String kill = escalate ? ShellQuote.join(List.of("sudo", "-n", "--", "sh", "-c", KILL_GROUP_OF_1, "sh")) + " \"$1\""
                : KILL_GROUP_OF_1;
        String watch = "while sleep 1; do pp=; while read -r k v; do if [ \"$k\" = PPid: ]; then pp=$v; break; fi; done"
                + " </proc/$1/status || exit 0; [ \"$pp\" = \"$2\" ] || break; done; " + kill + "; exit 0";
        String start = "sh -c " + ShellQuote.quote(watch) + " sh \"$$\" \"$PPID\" </dev/null >/dev/null 2>&1";
        // setsid -f forks by itself: no background job in this shell, which would keep bash from
        // exec'ing the session's last command in its own place (one process fewer per command).
        return "setsid -f " + start + " || { " + start + " & }; ";
    }

    /** Kills the process group {@code $1}: TERM, and KILL after half a second for what is left. */
    private static final String KILL_GROUP_OF_1 = "g=-$1; kill -TERM $g 2>/dev/null || exit 0; for i in 1 2 3 4 5; do sleep 0.1; "
            + "kill -0 $g 2>/dev/null || exit 0; done; kill -KILL $g 2>/dev/null; exit 0";

    /**
     * A command that kills a process group, TERM first, KILL after a short grace. No {@code --}
     * before the group: dash's {@code kill} (the {@code sh} run by sudo on Debian) rejects it.
     */
    public static String killGroup(long pgid, boolean escalate) {
        String g = "-" + pgid;
        String script = "kill -TERM " + g + " 2>/dev/null || exit 0; for i in 1 2 3 4 5; do sleep 0.1; "
                + "kill -0 " + g + " 2>/dev/null || exit 0; done; kill -KILL " + g + " 2>/dev/null; exit 0";
        return escalate ? ShellQuote.join(List.of("sudo", "-n", "--", "sh", "-c", script)) : script;
    }

    /** The remote command line. */
    public static String of(Command command, boolean escalate) {
        List<String> argv = new ArrayList<>();
        if (!command.env().isEmpty()) {
            argv.add("env");
            command.env().forEach((k, v) -> argv.add(k + "=" + v));
        }
        argv.addAll(command.argv());
        if (escalate) {
            List<String> full = new ArrayList<>(List.of("sudo", "-n", "--"));
            command.workDir().ifPresent(dir -> full.addAll(List.of("sh", "-c", CD_THEN_EXEC, "sh", dir)));
            full.addAll(argv);
            return ShellQuote.join(full);
        }
        String line = ShellQuote.join(argv);
        if (command.workDir().isPresent()) {
            line = "cd -- " + ShellQuote.quote(command.workDir().get()) + " && " + line;
        }
        return line;
    }
}
