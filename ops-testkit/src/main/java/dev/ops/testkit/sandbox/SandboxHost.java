package dev.ops.testkit.sandbox;

import dev.ops.core.error.OpsException;
import dev.ops.core.error.Violations;
import dev.ops.core.host.Command;
import dev.ops.core.host.CommandResult;
import dev.ops.core.host.Host;
import dev.ops.core.host.LocalHost;
import dev.ops.core.host.ShellQuote;
import dev.ops.testkit.purity.PlanPurity;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * A host that runs the machine's real Linux tools ({@code useradd}, {@code visudo}, {@code dpkg},
 * {@code sysctl}) while protecting the machine itself: every command runs inside private mount,
 * UTS, IPC and (by default) network namespaces, where {@code /etc}, {@code /home}, {@code /root},
 * {@code /var}, {@code /usr} and the other writable trees are copy-on-write overlays on a tmpfs
 * that vanishes when the sandbox is closed.
 *
 * <p>A holder process keeps the namespaces alive between commands, so state persists from one
 * command to the next (a user added by one command is seen by the next), and each command enters
 * them with {@code nsenter}. Needs root, {@code unshare} and {@code nsenter}.
 *
 * <pre>{@code
 * try (SandboxHost sandbox = SandboxHost.start()) {
 *     sandbox.check(Command.of("useradd", "alice"));
 *     assertThat(sandbox.output("getent", "passwd", "alice")).startsWith("alice:");
 * }
 * }</pre>
 */
public final class SandboxHost implements Host {
    /** The trees made copy-on-write when none are named. */
    private static final String SCRATCH = "/tmp/.ops-sandbox";

    public static final List<String> DEFAULT_OVERLAYS = List.of("/etc", "/home", "/root", "/var", "/usr", "/opt", "/srv");

    private final String name;
    private final Process holder;
    private final long pid;
    private final Path scratch;
    private final LocalHost local = LocalHost.create();

    private SandboxHost(String name, Process holder, Path scratch) {
        this.name = name;
        this.holder = holder;
        this.pid = holder.pid();
        this.scratch = scratch;
        // A plan made on this sandbox must change no file in it; the caches and logs that tools write
        // about their own reads (apt's planner log of a simulation, say) are not state.
        PlanPurity.watch(this, () -> !holder.isAlive() ? List.of() : changedPaths().stream()
                .filter(p -> !p.startsWith("/var/cache/") && !p.startsWith("/var/lib/apt/") && !p.startsWith("/var/log/")).toList());
    }

    /** A sandbox with the default overlays and a private network namespace (loopback only). */
    public static SandboxHost start() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Whether this machine can run sandboxes: root, with unshare and nsenter. */
    public static boolean isSupported() {
        if (!"root".equals(System.getProperty("user.name"))) {
            return false;
        }
        CommandResult r = LocalHost.create().run(Command.builder()
                .addArgv("unshare", "--mount", "--propagation", "private", "true").timeout(Duration.ofSeconds(10)).build());
        return r.ok() && LocalHost.create().run("nsenter", "--version").ok();
    }

    @Override
    public String name() {
        return name;
    }

    /** The pid of the process holding the namespaces (for {@code nsenter -t PID}). */
    public long holderPid() {
        return pid;
    }

    @Override
    public CommandResult run(Command command) {
        if (!holder.isAlive()) {
            throw new OpsException("sandbox " + name + " is closed");
        }
        List<String> argv = new ArrayList<>(List.of("nsenter", "--target", Long.toString(pid), "--mount", "--root", "--uts", "--ipc", "--net"));
        command.workDir().ifPresent(d -> argv.add("--wd=" + d));
        argv.add("--");
        if (!command.env().isEmpty()) {
            argv.add("env");
            command.env().forEach((k, v) -> argv.add(k + "=" + v));
        }
        argv.addAll(command.argv());
        Command inside = command.toBuilder().argv(argv).env(java.util.Map.of()).workDir(java.util.Optional.empty()).sudo(false).build();
        CommandResult r = local.run(inside);
        return CommandResult.of(name, command, r.exitCode(), r.stdout(), r.stderr(), r.elapsed(), r.truncated());
    }

    /** Every path changed inside the sandbox (files written, created or deleted in the overlays), for assertions. */
    public List<String> changedPaths() {
        List<String> out = new ArrayList<>();
        CommandResult r = local.run("nsenter", "--target", Long.toString(pid), "--mount", "--root", "--", "find", scratch + "/upper", "-mindepth", "2");
        for (String line : r.stdoutText().split("\n")) {
            if (!line.isBlank()) {
                String rel = line.substring((scratch + "/upper/").length());
                int slash = rel.indexOf('/');
                out.add(decodeTree(rel.substring(0, slash)) + rel.substring(slash));
            }
        }
        return out;
    }

    @Override
    public void close() {
        PlanPurity.unwatch(this);
        holder.destroyForcibly();
        try {
            holder.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return "SandboxHost[" + name + ", holder pid " + pid + "]";
    }

    private static String encodeTree(String tree) {
        return tree.substring(1).replace('/', '_');
    }

    private static String decodeTree(String encoded) {
        return "/" + encoded.replace('_', '/');
    }

    /** Builds a {@link SandboxHost}. */
    public static final class Builder {
        private final Set<String> overlays = new LinkedHashSet<>(DEFAULT_OVERLAYS);
        private boolean privateNetwork = true;
        private String name = "sandbox";
        private final List<String> emptyFiles = new ArrayList<>();

        /** Replaces the overlaid trees. */
        public Builder overlays(List<String> trees) {
            overlays.clear();
            overlays.addAll(trees);
            return this;
        }

        /** Whether the sandbox gets its own network namespace (default true; sysctls under net.* are then its own). */
        public Builder privateNetwork(boolean value) {
            this.privateNetwork = value;
            return this;
        }

        public Builder name(String name) {
            this.name = name;
            return this;
        }

        /** Files (inside the overlays) to empty at start, e.g. {@code /root/.bashrc} for a clean login shell. */
        public Builder emptyFile(String path) {
            emptyFiles.add(path);
            return this;
        }

        public SandboxHost build() {
            Violations v = Violations.of("sandbox");
            for (String tree : overlays) {
                v.check(tree.startsWith("/") && !tree.equals("/") && !tree.contains("_") && !tree.contains(".."), "overlays",
                        "'" + tree + "' must be an absolute directory other than / without '_' or '..'");
                v.check(!tree.equals("/proc") && !tree.equals("/sys") && !tree.equals("/dev"), "overlays", tree + " cannot be overlaid");
            }
            v.throwIfAny();
            // The sandbox gets its own empty /tmp, and the overlays' upper layers live in it, out of the machine's sight.
            Path scratch = Path.of(SCRATCH);
            StringBuilder setup = new StringBuilder("set -e; mount -t tmpfs -o mode=1777 ops-sandbox-tmp /tmp; mkdir -m 0700 ")
                    .append(SCRATCH).append("; ");
            for (String tree : overlays) {
                if (!Files.isDirectory(Path.of(tree))) {
                    continue;
                }
                String enc = encodeTree(tree);
                String upper = scratch + "/upper/" + enc;
                String work = scratch + "/work/" + enc;
                setup.append("mkdir -p ").append(ShellQuote.quote(upper)).append(' ').append(ShellQuote.quote(work)).append("; ")
                        .append("mount -t overlay overlay -o ").append(ShellQuote.quote("lowerdir=" + tree + ",upperdir=" + upper + ",workdir=" + work))
                        .append(' ').append(ShellQuote.quote(tree)).append("; ");
            }
            if (privateNetwork) {
                setup.append("ip link set lo up 2>/dev/null || true; ");
            }
            for (String f : emptyFiles) {
                setup.append(": > ").append(ShellQuote.quote(f)).append(" 2>/dev/null || true; ");
            }
            setup.append("echo ops-sandbox-ready; exec sleep 2147483647");
            List<String> argv = new ArrayList<>(List.of("unshare", "--mount", "--propagation", "private", "--uts", "--ipc"));
            if (privateNetwork) {
                argv.add("--net");
            }
            argv.addAll(List.of("--", "sh", "-c", setup.toString()));
            ProcessBuilder pb = new ProcessBuilder(argv).redirectErrorStream(true);
            Process p;
            try {
                p = pb.start();
                BufferedReader reader = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
                StringBuilder seen = new StringBuilder();
                String line;
                while ((line = reader.readLine()) != null) {
                    if (line.equals("ops-sandbox-ready")) {
                        break;
                    }
                    seen.append(line).append('\n');
                }
                if (line == null) {
                    p.waitFor(5, TimeUnit.SECONDS);
                    throw new OpsException("sandbox did not start: " + seen.toString().strip());
                }
            } catch (IOException e) {
                throw new OpsException("cannot start sandbox: " + e.getMessage(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new OpsException("interrupted while starting sandbox", e);
            }
            return new SandboxHost(name, p, scratch);
        }
    }
}
