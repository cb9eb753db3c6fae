package dev.ops.core.host;

import dev.ops.core.error.ConnectionException;
import dev.ops.core.error.OpsException;
import dev.ops.core.error.OpsTimeoutException;
import dev.ops.core.host.internal.NativePosix;
import dev.ops.core.host.internal.StreamDrain;
import dev.ops.core.journal.StepProcesses;
import dev.ops.core.text.AsciiNumbers;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This machine, running commands through {@link ProcessBuilder}. Standard output and error are
 * read concurrently so that many MB of output never deadlock, and on timeout the whole process
 * tree is killed.
 */
public final class LocalHost implements Host {
    private static final Logger LOG = LoggerFactory.getLogger(LocalHost.class);
    private static final LocalHost INSTANCE = new LocalHost("local");

    private final String name;
    private volatile Integer euid;
    private volatile Boolean root;

    private LocalHost(String name) {
        this.name = name;
    }

    /** The local machine, named {@code local}. */
    public static LocalHost create() {
        return INSTANCE;
    }

    /** The local machine under another name (for plans and audit records). */
    public static LocalHost named(String name) {
        return new LocalHost(name);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public boolean isLocal() {
        return true;
    }

    /**
     * The effective uid of this JVM: from {@code /proc/self/status}, which needs no native code; only where that
     * cannot be read, through jnr-posix, which ops-core declares optional (add {@code com.github.jnr:jnr-posix} for it).
     */
    public int effectiveUid() {
        Integer u = euid;
        if (u == null) {
            u = readEffectiveUidFromProc().orElseGet(LocalHost::nativeEffectiveUid);
            euid = u;
        }
        return u;
    }

    private static int nativeEffectiveUid() {
        try {
            return NativePosix.geteuid();
        } catch (LinkageError noJnr) {
            throw new dev.ops.core.error.OpsException("cannot tell this process's uid: /proc/self/status cannot be read and"
                    + " jnr-posix (an optional dependency of ops-core) is not on the class path", noJnr);
        }
    }

    /**
     * Whether this JVM runs as root, from /proc/self/status rather than jnr-posix, so that running
     * a command (a dry-run's reads included) never loads native code.
     */
    private boolean isRoot() {
        Boolean r = root;
        if (r == null) {
            r = effectiveUid() == 0;
            root = r;
        }
        return r;
    }

    private static java.util.Optional<Integer> readEffectiveUidFromProc() {
        try {
            for (String line : java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/self/status"))) {
                if (line.startsWith("Uid:")) {
                    return java.util.Optional.of(AsciiNumbers.parseInt(line.substring(4).trim().split("\\s+")[1]));
                }
            }
        } catch (IOException | RuntimeException e) {
            LOG.debug("cannot read /proc/self/status: {}", e.getMessage());
        }
        return java.util.Optional.empty();
    }

    @Override
    public CommandResult run(Command command) {
        List<String> argv = new ArrayList<>();
        boolean escalate = command.sudo() && !isRoot();
        if (escalate) {
            argv.addAll(List.of("sudo", "-n", "--"));
            if (!command.env().isEmpty()) {
                argv.add("env");
                command.env().forEach((k, v) -> argv.add(k + "=" + v));
            }
        }
        argv.addAll(command.argv());
        List<String> tie = ProcessTie.prefix();
        argv.addAll(0, tie);
        ProcessBuilder pb = new ProcessBuilder(argv);
        if (!escalate) {
            Map<String, String> env = pb.environment();
            env.putAll(command.env());
        }
        command.workDir().ifPresent(d -> pb.directory(new File(d)));
        String line = command.render();
        LOG.debug("{}: running {}", name, line);
        long start = System.nanoTime();
        Process process;
        try {
            process = ProcessTie.start(pb);
        } catch (IOException e) {
            return new CommandResult(name, line, 127, new byte[0],
                    ("cannot start " + argv.get(tie.size()) + ": " + e.getMessage()).getBytes(), Duration.ZERO, false);
        }
        // A journaled step's record names the process (and the group it leads), so that recovery stops it if this JVM dies.
        StepProcesses.Registration registration;
        try {
            registration = StepProcesses.started(process.pid(),
                    process.toHandle().info().startInstant().orElse(java.time.Instant.EPOCH), tie.isEmpty() ? 0 : process.pid());
        } catch (RuntimeException e) {
            // Not journaled, so recovery could not stop it: it must not run.
            killTree(process);
            throw e;
        }
        try (registration) {
            return await(command, process, line, start);
        }
    }

    private CommandResult await(Command command, Process process, String line, long start) {
        StreamDrain out = new StreamDrain(command.maxOutputBytes());
        StreamDrain err = new StreamDrain(command.maxOutputBytes());
        try (ExecutorService io = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<?> stdoutDone = io.submit(() -> {
                out.drain(process.getInputStream());
                return null;
            });
            Future<?> stderrDone = io.submit(() -> {
                err.drain(process.getErrorStream());
                return null;
            });
            io.submit(() -> feed(process, command.stdin()));
            boolean finished = process.waitFor(command.timeout().toNanos(), TimeUnit.NANOSECONDS);
            if (!finished) {
                killTree(process);
                throw new OpsTimeoutException("command `" + line + "` on " + name, command.timeout(),
                        "killed after " + out.bytes().length + " bytes of output");
            }
            // A background child may still hold the pipes open after the process itself exited.
            long left = Math.max(TimeUnit.SECONDS.toNanos(1), command.timeout().toNanos() - (System.nanoTime() - start));
            try {
                stdoutDone.get(left, TimeUnit.NANOSECONDS);
                stderrDone.get(left, TimeUnit.NANOSECONDS);
            } catch (java.util.concurrent.TimeoutException e) {
                killTree(process);
                closeQuietly(process);
            }
        } catch (InterruptedException e) {
            killTree(process);
            Thread.currentThread().interrupt();
            throw new OpsException("interrupted while running `" + line + "` on " + name, e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new ConnectionException(name, "reading output of `" + line + "` failed: " + e.getCause().getMessage(), e.getCause(), false);
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        return CommandResult.of(name, command, process.exitValue(), out.bytes(), err.bytes(), elapsed,
                out.truncated() || err.truncated());
    }

    private static Void feed(Process process, byte[] stdin) {
        try (OutputStream in = process.getOutputStream()) {
            if (stdin.length > 0) {
                in.write(stdin);
            }
        } catch (IOException e) {
            // The process exited without reading all its input; its exit code tells the story.
            LOG.debug("stdin not fully consumed: {}", e.getMessage());
        }
        return null;
    }

    private static void closeQuietly(Process process) {
        try {
            process.getInputStream().close();
            process.getErrorStream().close();
        } catch (IOException e) {
            LOG.debug("closing pipes: {}", e.getMessage());
        }
    }

    private static void killTree(Process process) {
        List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
        process.destroyForcibly();
        tree.forEach(ProcessHandle::destroyForcibly);
        try {
            process.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return "LocalHost[" + name + "]";
    }

    /**
     * Ties the processes this JVM starts to it: each runs in a process group of its own (so that
     * recovery can kill it with all it forked) and gets SIGKILL when this JVM dies (the parent-death
     * signal, set by util-linux {@code setpriv}; {@code setsid} gives the group). The signal fires
     * when the forking <em>thread</em> exits, so processes are started from one platform thread
     * that lives as long as the JVM, never from a pooled or virtual thread. Where the tools are
     * missing, commands run as they are and the journal's record of the process is what recovery has.
     * A command run through sudo loses the signal (set-uid programs clear it) and keeps the group.
     */
    private static final class ProcessTie {
        private static final java.util.concurrent.ExecutorService SPAWNER = Executors.newSingleThreadExecutor(r -> {
            // Lives as long as the JVM (the parent-death signal follows the forking thread) and inherits no step's scope.
            Thread t = new Thread(null, r, "ops-local-spawner", 0, false);
            t.setDaemon(true);
            return t;
        });
        private static volatile List<String> prefix;

        static List<String> prefix() {
            List<String> p = prefix;
            if (p == null) {
                p = detect();
                prefix = p;
            }
            return p;
        }

        private static List<String> detect() {
            java.nio.file.Path setpriv = findProgram("setpriv");
            java.nio.file.Path setsid = findProgram("setsid");
            if (setpriv == null || setsid == null) {
                LOG.debug("setpriv or setsid not found: local commands are not tied to this JVM");
                return List.of();
            }
            List<String> candidate = List.of(setpriv.toString(), "--pdeathsig", "KILL", "--", setsid.toString(), "--");
            List<String> probe = new ArrayList<>(candidate);
            probe.add("true");
            try {
                Process p = start(new ProcessBuilder(probe).redirectErrorStream(true));
                p.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
                if (p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0) {
                    return candidate;
                }
                p.destroyForcibly();
            } catch (IOException e) {
                LOG.debug("probing setpriv --pdeathsig: {}", e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            LOG.debug("setpriv --pdeathsig does not work here: local commands are not tied to this JVM");
            return List.of();
        }

        private static java.nio.file.Path findProgram(String name) {
            for (String dir : List.of("/usr/bin", "/bin", "/usr/sbin", "/sbin")) {
                java.nio.file.Path p = java.nio.file.Path.of(dir, name);
                if (java.nio.file.Files.isExecutable(p)) {
                    return p;
                }
            }
            return null;
        }

        static Process start(ProcessBuilder pb) throws IOException {
            Future<Process> started = SPAWNER.submit(pb::start);
            boolean interrupted = false;
            try {
                while (true) {
                    try {
                        return started.get();
                    } catch (InterruptedException e) {
                        // The process may be starting right now: wait for it, so that it is never left untracked.
                        interrupted = true;
                    }
                }
            } catch (java.util.concurrent.ExecutionException e) {
                if (e.getCause() instanceof IOException io) {
                    throw io;
                }
                throw new OpsException("cannot start " + pb.command().getFirst() + ": " + e.getCause(), e.getCause());
            } finally {
                if (interrupted) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

}
