package dev.ops.core.host.internal.ssh;

import dev.ops.core.error.ConnectionException;
import dev.ops.core.error.OpsException;
import dev.ops.core.error.OpsTimeoutException;
import dev.ops.core.error.PrivilegeException;
import dev.ops.core.host.Command;
import dev.ops.core.host.CommandResult;
import dev.ops.core.host.internal.StreamDrain;
import dev.ops.core.text.AsciiNumbers;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import net.schmizz.sshj.SSHClient;
import net.schmizz.sshj.connection.channel.direct.Session;
import net.schmizz.sshj.connection.channel.direct.Signal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One authenticated SSH connection. Several commands may run on it at once, each in its own
 * session channel (at most {@code maxSessions}, below sshd's default MaxSessions of 10).
 */
public final class SshConnection implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SshConnection.class);
    /** What {@code sudo -n} prints when it will not escalate without a password. */
    private static final Pattern SUDO_REFUSED = Pattern.compile(
            "(?m)^sudo: (a password is required|a terminal is required.*|.*is not in the sudoers file.*"
                    + "|.*is not allowed to (execute|run sudo).*|.*may not run sudo.*)$");
    private static final Duration PID_WAIT = Duration.ofSeconds(3);
    /** Long-lived shells per connection: one per command running at once, up to this many. */
    private static final int MAX_SHELLS = 2;
    /** Longer command lines take the exec path: the shell reads its input a byte at a time. */
    private static final int MAX_SHELL_LINE = 64 * 1024;
    private static final Map<Signal, Integer> SIGNALS = Map.ofEntries(Map.entry(Signal.HUP, 1), Map.entry(Signal.INT, 2),
            Map.entry(Signal.QUIT, 3), Map.entry(Signal.ILL, 4), Map.entry(Signal.ABRT, 6), Map.entry(Signal.FPE, 8),
            Map.entry(Signal.KILL, 9), Map.entry(Signal.USR1, 10), Map.entry(Signal.SEGV, 11), Map.entry(Signal.USR2, 12),
            Map.entry(Signal.PIPE, 13), Map.entry(Signal.ALRM, 14), Map.entry(Signal.TERM, 15));

    private final SshSettings settings;
    private final SSHClient client;
    private final Semaphore sessions;
    private volatile Integer uid;
    /** Idle shells, newest first; each live shell (idle or busy) holds one permit of {@link #sessions}. */
    private final java.util.ArrayDeque<ShellSession> idleShells = new java.util.ArrayDeque<>();
    private final int maxShells;
    private int shells;
    private volatile boolean shellsOff;

    private SshConnection(SshSettings settings, SSHClient client) {
        this.settings = settings;
        this.client = client;
        this.sessions = new Semaphore(settings.maxSessions(), true);
        // Keep at least one session for the exec path (idle shells also give theirs back on demand).
        this.maxShells = settings.reuseShell() ? Math.min(MAX_SHELLS, settings.maxSessions() - 1) : 0;
        if ("root".equals(settings.user())) {
            uid = 0;
        }
    }

    /**
     * Connects, verifies the host key and authenticates (see {@link SshConnector#connect}); every
     * failure is a typed ops exception.
     *
     * @throws OpsTimeoutException when the attempt stalled, naming the phase
     */
    public static SshConnection open(SshSettings settings, Credentials credentials) {
        return new SshConnection(settings, SshConnector.connect(settings, credentials));
    }

    /** Whether the transport is up and authenticated. */
    public boolean alive() {
        return client.isConnected() && client.isAuthenticated();
    }

    /** The login user's uid, asked once per connection ({@code id -u}) unless the user is root. */
    public int uid(String hostName) throws SessionNotStartedException {
        Integer u = uid;
        if (u == null) {
            CommandResult r = run(Command.builder().addArgv("id", "-u").timeout(Duration.ofSeconds(30)).build(), hostName, false);
            try {
                u = AsciiNumbers.parseInt(r.stdoutText().strip());
            } catch (NumberFormatException e) {
                throw new ConnectionException(settings.target(), "`id -u` printed " + r.stdoutText().strip() + " (exit "
                        + r.exitCode() + ")", e, false);
            }
            uid = u;
        }
        return u;
    }

    /**
     * Runs one command in a new session.
     *
     * @throws SessionNotStartedException when no session could be opened (the command did not start)
     */
    public CommandResult run(Command command, String hostName, boolean escalate) throws SessionNotStartedException {
        String plain = CommandLine.of(command, escalate);
        String shown = command.render();
        long start = System.nanoTime();
        long deadline = start + command.timeout().toNanos();
        if (command.stdin().length == 0 && maxShells > 0 && !shellsOff && plain.length() <= MAX_SHELL_LINE
                && plain.indexOf('\0') < 0) {
            ShellSession shell = takeShell(hostName);
            if (shell != null) {
                try {
                    return runInShell(shell, command, plain, shown, hostName, start, deadline, escalate);
                } catch (ShellSession.NotStartedException e) {
                    LOG.debug("{}: shell unusable ({}), running `{}` in a session of its own", hostName, e.getMessage(), shown);
                }
            }
        }
        String line = CommandLine.withPidReport(plain, escalate);
        try {
            if (!sessions.tryAcquire() && !(dropIdleShell() && sessions.tryAcquire())
                    && !sessions.tryAcquire(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                throw new OpsTimeoutException("command `" + shown + "` on " + hostName, command.timeout(),
                        "waiting for a free session on the connection to " + settings.target());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OpsException("interrupted while waiting to run `" + shown + "` on " + hostName, e);
        }
        try {
            Session session;
            try {
                session = client.startSession();
            } catch (IOException | RuntimeException e) {
                throw new SessionNotStartedException(e);
            }
            boolean closeHere = true;
            try {
                return exec(session, command, line, shown, hostName, start, deadline, escalate);
            } catch (OpsTimeoutException e) {
                closeHere = false; // kill() closes it in the background: the server may take a while
                throw e;
            } finally {
                if (closeHere) {
                    closeQuietly(session);
                }
            }
        } finally {
            sessions.release();
        }
    }

    private CommandResult exec(Session session, Command command, String line, String shown, String hostName, long start,
            long deadline, boolean escalate) {
        LOG.debug("{}: running {}", hostName, shown);
        Session.Command cmd;
        try {
            cmd = session.exec(line);
        } catch (IOException e) {
            throw new ConnectionException(settings.target(), "could not start `" + shown + "`: " + message(e), e, false);
        }
        StreamDrain out = new StreamDrain(command.maxOutputBytes());
        StreamDrain err = new StreamDrain(command.maxOutputBytes());
        CompletableFuture<Void> stdout = drain(out, cmd.getInputStream(), hostName + "-stdout");
        CompletableFuture<Long> pid = new CompletableFuture<>();
        CompletableFuture<Void> stderr = drain(err, withoutPidReport(cmd.getErrorStream(), pid), hostName + "-stderr");
        feed(cmd.getOutputStream(), command.stdin(), hostName);
        try {
            CompletableFuture.allOf(stdout, stderr).get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            kill(cmd, pid, escalate, hostName);
            throw timeout(command, shown, hostName, out);
        } catch (ExecutionException e) {
            throw new ConnectionException(settings.target(), "connection lost while running `" + shown + "`: "
                    + message(e.getCause()), e.getCause(), false);
        } catch (InterruptedException e) {
            kill(cmd, pid, escalate, hostName);
            Thread.currentThread().interrupt();
            throw new OpsException("interrupted while running `" + shown + "` on " + hostName, e);
        }
        try {
            // Output ended; the exit status comes with the channel's close.
            cmd.join(Math.max(TimeUnit.MILLISECONDS.toNanos(100), deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (net.schmizz.sshj.connection.ConnectionException e) {
            if (!alive()) {
                throw new ConnectionException(settings.target(), "connection lost while running `" + shown + "`: "
                        + message(e), e, false);
            }
            kill(cmd, pid, escalate, hostName); // closed its output but kept running
            throw timeout(command, shown, hostName, out);
        }
        Integer status = cmd.getExitStatus();
        int exit;
        if (status != null) {
            exit = status;
        } else if (cmd.getExitSignal() != null) {
            exit = 128 + SIGNALS.getOrDefault(cmd.getExitSignal(), 0);
        } else {
            throw new ConnectionException(settings.target(), "`" + shown + "` ended without an exit status", null, false);
        }
        return result(hostName, command, exit, out.bytes(), err.bytes(), start, out.truncated() || err.truncated(), escalate);
    }

    private CommandResult result(String hostName, Command command, int exit, byte[] outBytes, byte[] errBytes, long start,
            boolean truncated, boolean escalate) {
        if (escalate && exit == 1 && outBytes.length == 0) {
            var m = SUDO_REFUSED.matcher(new String(errBytes, StandardCharsets.UTF_8));
            if (m.find()) {
                throw new PrivilegeException(hostName, List.of("root: sudo refused " + settings.user() + " (" + m.group()
                        + "); passwordless sudo is required"));
            }
        }
        return CommandResult.of(hostName, command, exit, outBytes, errBytes, Duration.ofNanos(System.nanoTime() - start), truncated);
    }

    /**
     * An idle shell, or a new one when fewer than the maximum are open and a session is free at
     * once; null when the command should take the exec path.
     *
     * @throws SessionNotStartedException when the connection is dead
     */
    private ShellSession takeShell(String hostName) throws SessionNotStartedException {
        synchronized (idleShells) {
            while (!idleShells.isEmpty()) {
                ShellSession s = idleShells.pop();
                if (s.open()) {
                    return s;
                }
                forget(s);
            }
            if (shells >= maxShells || !sessions.tryAcquire()) {
                return null;
            }
            shells++;
        }
        Session session;
        try {
            session = client.startSession();
        } catch (IOException | RuntimeException e) {
            giveBack(null);
            if (!alive()) {
                throw new SessionNotStartedException(e);
            }
            LOG.debug("{}: no session for a shell ({}); using the exec path", hostName, message(e));
            return null;
        }
        try {
            return ShellSession.start(session);
        } catch (IOException | RuntimeException e) {
            closeQuietly(session);
            giveBack(null);
            if (!alive()) {
                throw new SessionNotStartedException(e);
            }
            LOG.debug("{}: could not start a shell ({}); using the exec path", hostName, message(e));
            shellsOff = true;
            return null;
        }
    }

    /** Returns a shell to the pool, or closes it and frees its session. */
    private void giveBack(ShellSession shell, boolean reusable) {
        synchronized (idleShells) {
            if (reusable && alive()) {
                idleShells.push(shell);
                return;
            }
        }
        giveBack(shell);
    }

    private void giveBack(ShellSession shell) {
        if (shell != null) {
            closeInBackground(shell);
        }
        synchronized (idleShells) {
            shells--;
        }
        sessions.release();
    }

    private void forget(ShellSession shell) {
        closeInBackground(shell);
        shells--;
        sessions.release();
    }

    /** Closes one idle shell so that its session can serve the exec path; false when none is idle. */
    private boolean dropIdleShell() {
        ShellSession s;
        synchronized (idleShells) {
            s = idleShells.pollLast();
            if (s == null) {
                return false;
            }
            shells--;
        }
        closeInBackground(s);
        sessions.release();
        return true;
    }

    private static void closeInBackground(ShellSession shell) {
        Thread.ofVirtual().name("ssh-shell-close").start(shell::close);
    }

    private CommandResult runInShell(ShellSession shell, Command command, String plain, String shown, String hostName,
            long start, long deadline, boolean escalate) throws ShellSession.NotStartedException {
        LOG.debug("{}: running {} in the pooled shell", hostName, shown);
        String marker = ShellSession.marker();
        boolean reusable = false;
        try {
            try {
                shell.send(ShellSession.script(plain, marker, escalate));
            } catch (IOException e) {
                throw new ShellSession.NotStartedException("cannot write to the shell: " + message(e));
            }
            ShellSession.Bounded out = new ShellSession.Bounded(command.maxOutputBytes());
            ShellSession.Bounded err = new ShellSession.Bounded(command.maxOutputBytes());
            CompletableFuture<Integer> exit = new CompletableFuture<>();
            CompletableFuture<Void> stderr = new CompletableFuture<>();
            Thread.ofVirtual().name("ssh-" + hostName + "-shell-stdout").start(() -> {
                try {
                    exit.complete(shell.readStdout(marker, out));
                } catch (IOException | ShellSession.NotStartedException | RuntimeException e) {
                    exit.completeExceptionally(e);
                }
            });
            Thread.ofVirtual().name("ssh-" + hostName + "-shell-stderr").start(() -> {
                try {
                    shell.readStderr(marker, err);
                    stderr.complete(null);
                } catch (IOException | RuntimeException e) {
                    stderr.completeExceptionally(e);
                }
            });
            int status;
            try {
                status = exit.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                stderr.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                killShell(shell, escalate, hostName);
                throw new OpsTimeoutException("command `" + shown + "` on " + hostName, command.timeout(),
                        "killed after " + out.bytes().length + " bytes of output");
            } catch (InterruptedException e) {
                killShell(shell, escalate, hostName);
                Thread.currentThread().interrupt();
                throw new OpsException("interrupted while running `" + shown + "` on " + hostName, e);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof ShellSession.NotStartedException notStarted) {
                    throw notStarted;
                }
                if (e.getCause() instanceof ShellSession.ShellEndedException && alive()) {
                    throw new ConnectionException(settings.target(), "the remote shell running `" + shown + "` ended: "
                            + message(e.getCause()), e.getCause(), false);
                }
                throw new ConnectionException(settings.target(), "connection lost while running `" + shown + "`: "
                        + message(e.getCause()), e.getCause(), false);
            }
            reusable = !shell.tainted();
            if (shell.tainted()) {
                LOG.debug("{}: output outside the commands on the pooled shell; dropping it", hostName);
                if (shell.noisyStart() || shell.pid() < 0) {
                    shellsOff = true; // every new shell would be dropped the same way: use the exec path
                }
            }
            return result(hostName, command, status, out.bytes(), err.bytes(), start, out.truncated() || err.truncated(),
                    escalate);
        } finally {
            giveBack(shell, reusable);
        }
    }

    /** Kills the shell's process group (the shell and the command it runs) from a second session. */
    private void killShell(ShellSession shell, boolean escalate, String hostName) {
        long pgid = shell.pid();
        if (pgid > 1) {
            try (Session killer = client.startSession()) {
                Session.Command k = killer.exec(CommandLine.killGroup(pgid, escalate));
                k.getOutputStream().close();
                k.join(5, TimeUnit.SECONDS);
            } catch (IOException | RuntimeException e) {
                LOG.debug("{}: killing the shell's process group {} failed: {}", hostName, pgid, e.getMessage());
            }
        }
    }

    private static OpsTimeoutException timeout(Command command, String shown, String hostName, StreamDrain out) {
        return new OpsTimeoutException("command `" + shown + "` on " + hostName, command.timeout(),
                "killed after " + out.bytes().length + " bytes of output");
    }

    private static CompletableFuture<Void> drain(StreamDrain drain, InputStream in, String name) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        Thread.ofVirtual().name("ssh-" + name).start(() -> {
            try {
                drain.drain(in);
                done.complete(null);
            } catch (IOException | RuntimeException e) {
                done.completeExceptionally(e);
            }
        });
        return done;
    }

    private static void feed(OutputStream stdin, byte[] bytes, String hostName) {
        if (bytes.length == 0) {
            closeQuietly(stdin);
            return;
        }
        Thread.ofVirtual().name("ssh-" + hostName + "-stdin").start(() -> {
            try (stdin) {
                stdin.write(bytes);
                stdin.flush();
            } catch (IOException e) {
                // The command exited without reading all its input; its exit status tells the story.
                LOG.debug("{}: stdin not fully consumed: {}", hostName, e.getMessage());
            }
        });
    }

    /**
     * Kills the remote process group from a second session (as root again when the command was
     * escalated), then closes the command's channel without waiting for the server.
     */
    private void kill(Session.Command cmd, CompletableFuture<Long> pid, boolean escalate, String hostName) {
        long pgid;
        try {
            // Normally known at once; on a loaded host the shell may only just be starting.
            pgid = pid.get(PID_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            pgid = -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            pgid = -1;
        }
        if (pgid > 1) {
            try (Session killer = client.startSession()) {
                Session.Command k = killer.exec(CommandLine.killGroup(pgid, escalate));
                k.getOutputStream().close();
                k.join(5, TimeUnit.SECONDS);
            } catch (IOException | RuntimeException e) {
                LOG.debug("{}: killing process group {} failed: {}", hostName, pgid, e.getMessage());
            }
        } else {
            LOG.debug("{}: no pid reported; closing the channel only", hostName);
        }
        Thread.ofVirtual().name("ssh-" + hostName + "-close").start(() -> closeQuietly(cmd));
    }

    /** Standard error with the first line (the pid report) read off and parsed into {@code pid}. */
    private static InputStream withoutPidReport(InputStream err, CompletableFuture<Long> pid) {
        return new InputStream() {
            private boolean first = true;
            private InputStream rest = err;

            private void readReport() throws IOException {
                first = false;
                java.io.ByteArrayOutputStream line = new java.io.ByteArrayOutputStream();
                int b;
                while ((b = err.read()) >= 0 && b != '\n' && line.size() < 64) {
                    line.write(b);
                }
                String text = line.toString(StandardCharsets.US_ASCII);
                String digits = text.startsWith(CommandLine.PID_MARKER) ? text.substring(CommandLine.PID_MARKER.length()) : "";
                if (AsciiNumbers.isDigits(digits) && digits.length() <= 10) {
                    pid.complete(AsciiNumbers.parseLong(digits));
                } else { // not ours after all: keep it
                    pid.complete(-1L);
                    byte[] kept = line.toByteArray();
                    if (b == '\n') {
                        kept = java.util.Arrays.copyOf(kept, kept.length + 1);
                        kept[kept.length - 1] = '\n';
                    } else if (b >= 0) {
                        kept = java.util.Arrays.copyOf(kept, kept.length + 1);
                        kept[kept.length - 1] = (byte) b;
                    }
                    rest = new java.io.SequenceInputStream(new java.io.ByteArrayInputStream(kept), err);
                }
            }

            @Override
            public int read() throws IOException {
                if (first) {
                    readReport();
                }
                return rest.read();
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (first) {
                    readReport();
                }
                return rest.read(b, off, len);
            }
        };
    }

    @Override
    public void close() {
        closeQuietly(client);
    }

    static String message(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t && (t.getMessage() == null || t.getMessage().isBlank())) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }

    static void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception e) {
            LOG.debug("closing {}: {}", c.getClass().getSimpleName(), e.getMessage());
        }
    }
}
