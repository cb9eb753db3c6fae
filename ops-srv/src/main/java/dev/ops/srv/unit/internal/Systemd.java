package dev.ops.srv.unit.internal;

import dev.ops.core.host.Command;
import dev.ops.core.host.CommandResult;
import dev.ops.core.host.Host;
import dev.ops.srv.unit.UnitVerificationException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** systemctl and systemd-analyze as ops calls them: command lines, and their output parsed. */
public final class Systemd {
    /** Exit code of the verify script when systemd-analyze is not installed. */
    static final int NO_ANALYZE = 93;
    private static final String VERIFY = "command -v systemd-analyze >/dev/null 2>&1 || exit " + NO_ANALYZE + "; "
            + "d=$(mktemp -d) || exit 1; trap 'rm -rf \"$d\"' EXIT; cat > \"$d/$1\" || exit 1; "
            + "out=$(systemd-analyze verify --man=no \"$d/$1\" 2>&1); rc=$?; printf '%s\\n' \"$out\" | sed \"s|$d/||g\"; echo \"exit=$rc\"";

    private Systemd() {}

    /** {@code systemctl [--root=root] args...}; as root when {@code root} is {@code /}. */
    public static Command systemctl(String root, String... args) {
        List<String> argv = new ArrayList<>(List.of("systemctl"));
        if (!root.equals("/")) {
            argv.add("--root=" + root);
        }
        argv.addAll(List.of(args));
        Command c = Command.of(argv);
        return root.equals("/") ? c.asRoot() : c;
    }

    /** {@code systemctl [--root=root] args...} for a read: never as root, since reading state needs no privilege. */
    public static Command systemctlRead(String root, String... args) {
        List<String> argv = new ArrayList<>(List.of("systemctl"));
        if (!root.equals("/")) {
            argv.add("--root=" + root);
        }
        argv.addAll(List.of(args));
        return Command.of(argv);
    }

    /** {@code Key=value} lines into a map; a line without {@code =} is skipped, the first {@code =} splits. */
    public static Map<String, String> properties(String text) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                out.put(line.substring(0, eq), line.substring(eq + 1));
            }
        }
        return out;
    }

    /** The unit file state from {@code systemctl is-enabled}: {@code enabled}, {@code disabled}, {@code masked}, ..., or {@code not-found}. */
    public static String fileState(Host host, String root, String unit) {
        CommandResult r = host.run(systemctlRead(root, "is-enabled", "--", unit));
        String out = r.stdoutText().strip();
        if (out.isEmpty()) {
            if (r.stderrText().contains("No such file")) {
                return "not-found";
            }
            r.orThrow();
        }
        return out;
    }

    /**
     * The problems {@code systemd-analyze verify} finds in {@code content} as unit {@code name} on
     * {@code host}, verified in a temporary directory removed afterwards; empty when none or when the
     * tool is not installed there.
     */
    public static List<String> verify(Host host, String name, byte[] content) {
        CommandResult r = host.run(Command.builder().addArgv("sh", "-c", VERIFY, "sh", name).stdin(content).build());
        if (r.exitCode() == NO_ANALYZE) {
            return List.of();
        }
        r.orThrow();
        List<String> lines = new ArrayList<>(List.of(r.stdoutText().split("\n")));
        String last = lines.isEmpty() ? "exit=1" : lines.remove(lines.size() - 1);
        List<String> problems = new ArrayList<>();
        for (String l : lines) {
            String line = l;
            if (line.isBlank()) {
                continue;
            }
            // verify exits 0 on unknown keys and unparsable values and only says "ignoring"
            if (line.contains("ignoring") || !last.equals("exit=0")) {
                problems.add(line.strip());
            }
        }
        if (problems.isEmpty() && !last.equals("exit=0")) {
            problems.add("systemd-analyze verify failed (" + last + ")");
        }
        return problems;
    }

    /** Throws {@link UnitVerificationException} when {@link #verify} finds anything. */
    public static void requireVerified(Host host, String name, byte[] content) {
        List<String> problems = verify(host, name, content);
        if (!problems.isEmpty()) {
            throw new UnitVerificationException(name, problems);
        }
    }
}
