package dev.ops.core.host;

import dev.ops.core.error.ConnectionException;
import dev.ops.core.error.OpsException;
import dev.ops.core.error.OpsTimeoutException;
import dev.ops.core.host.internal.NativePosix;
import dev.ops.core.host.internal.StreamDrain;
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

    /** The effective uid of this JVM, through jnr-posix (loaded on first call: privilege checks only). */
    public int effectiveUid() {
        Integer u = euid;
        if (u == null) {
            u = NativePosix.geteuid();
            euid = u;
        }
        return u;
    }

    /**
     * Whether this JVM runs as root, from /proc/self/status rather than jnr-posix, so that running
     * a command (a dry-run's reads included) never loads native code.
     */
    private boolean isRoot() {
        Boolean r = root;
        if (r == null) {
            r = readEffectiveUidFromProc().map(uid -> uid == 0).orElseGet(() -> effectiveUid() == 0);
            root = r;
        }
        return r;
    }

    private static java.util.Optional<Integer> readEffectiveUidFromProc() {
        try {
            for (String line : java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/self/status"))) {
                if (line.startsWith("Uid:")) {
                    return java.util.Optional.of(Integer.parseInt(line.substring(4).trim().split("\\s+")[1]));
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
            process = pb.start();
        } catch (IOException e) {
            return new CommandResult(name, line, 127, new byte[0],
                    ("cannot start " + argv.get(0) + ": " + e.getMessage()).getBytes(), Duration.ZERO, false);
        }
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

}
