package dev.ops.core.host.internal.ssh;

import dev.ops.core.text.AsciiNumbers;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;
import net.schmizz.sshj.connection.channel.direct.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One long-lived login shell on a pooled connection that runs commands sent as lines on its
 * standard input, so that a pooled command costs the server one fork of the shell instead of a new
 * session process and a new shell.
 *
 * <p>The session's exec request is a read-eval loop run by the login shell itself ({@code bash -c}
 * as for every exec request, so rc files, environment and builtins are those of the exec path).
 * Every command is one line: {@code ( LINE ) </dev/null} in a subshell, between markers made of 128
 * random bits chosen per command and written by the shell's builtin {@code printf}; standard output
 * and error go straight to the channel's two streams, so binary output stays byte-exact, and a
 * command cannot forge a marker it does not know. Everything before the start marker of a stream is
 * not the command's (the handshake; or output of a background process left by an earlier command,
 * which taints the shell so that it is dropped). One command at a time.
 */
final class ShellSession implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ShellSession.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    static final String HELLO = "ops-shell:";
    /**
     * The read-eval loop; {@code __ops_nl} holds a newline, which command lines cannot carry as such.
     * A {@link CommandLine#watchSession session watcher} ends the shell's process group (the command
     * running in it) should the connection end under it; a second one, which kills as root, is
     * started with the first escalated command.
     */
    static final String LOOP = "__ops_nl='\n'; " + CommandLine.watchSession(false) + "echo " + HELLO
            + "$$; while IFS= read -r __ops_l; do eval \"$__ops_l\"; done";
    /** Starts the root watcher once per shell, in the loop shell itself so that the flag stays set. */
    private static final String ESCALATED_WATCH = "[ -n \"${__ops_sw-}\" ] || { __ops_sw=1; " + CommandLine.watchSession(true) + "}; ";

    private final Session session;
    private final Session.Command shell;
    private final Stream out;
    private final Stream err;
    private final OutputStream stdin;
    private volatile long pid = -1;
    private volatile boolean tainted;
    private volatile boolean noisyStart;
    private boolean greeted;
    private boolean errGreeted;

    private ShellSession(Session session, Session.Command shell) {
        this.session = session;
        this.shell = shell;
        this.out = new Stream(shell.getInputStream());
        this.err = new Stream(shell.getErrorStream());
        this.stdin = shell.getOutputStream();
    }

    /** Starts the loop on a new session (which the caller has opened). */
    static ShellSession start(Session session) throws IOException {
        Session.Command shell = session.exec(LOOP);
        return new ShellSession(session, shell);
    }

    /** The shell's pid, which leads the process group of every command it runs; -1 until it greeted. */
    long pid() {
        return pid;
    }

    /** Whether something other than the commands wrote to the shell's streams: it must not be reused. */
    boolean tainted() {
        return tainted;
    }

    /** Whether the shell wrote something of its own when it started (rc files): every new shell would. */
    boolean noisyStart() {
        return noisyStart;
    }

    boolean open() {
        return session.isOpen() && !shell.isEOF();
    }

    /** A fresh random marker. */
    static String marker() {
        byte[] b = new byte[16];
        RANDOM.nextBytes(b);
        return "ops-" + HexFormat.of().formatHex(b);
    }

    /** The line that runs {@code commandLine} framed by {@code marker}. */
    static String script(String commandLine, String marker, boolean escalate) {
        String line = commandLine.replace("\n", "'\"$__ops_nl\"'"); // newlines only occur inside single quotes
        return (escalate ? ESCALATED_WATCH : "") + "printf %s " + marker + "-s; printf %s " + marker + "-s >&2; ( " + line + " ) </dev/null; __ops_s=$?; "
                + "printf '" + marker + "-e:%d\\n' \"$__ops_s\"; printf '" + marker + "-e\\n' >&2\n";
    }

    /** Sends one command line to the shell. */
    void send(String script) throws IOException {
        stdin.write(script.getBytes(StandardCharsets.UTF_8));
        stdin.flush();
    }

    /**
     * Reads standard output of the command framed by {@code marker} into {@code sink}: first the
     * start marker, then the output, then the end marker and exit status, which it returns.
     *
     * @throws NotStartedException when the stream ended before the command started
     */
    int readStdout(String marker, Bounded sink) throws IOException, NotStartedException {
        ByteArrayOutputStream before = new ByteArrayOutputStream();
        try {
            if (!out.readUntil(bytes(marker + "-s"), before::write)) {
                throw new NotStartedException("the shell ended before the command started");
            }
        } catch (IOException e) {
            // The transport failed before the shell confirmed the start (the connection had dropped).
            throw new NotStartedException("connection failed before the command started: " + e.getMessage());
        }
        byte[] pre = before.toByteArray();
        if (!greeted) {
            greeted = true;
            String hello = new String(pre, StandardCharsets.ISO_8859_1);
            if (hello.startsWith(HELLO) && hello.endsWith("\n") && pidText(hello.substring(HELLO.length(), hello.length() - 1))) {
                pid = AsciiNumbers.parseLong(hello.substring(HELLO.length(), hello.length() - 1));
            } else {
                LOG.debug("unexpected output before the shell's greeting: {} bytes", pre.length);
                noisyStart = true;
                int at = hello.lastIndexOf(HELLO);
                if (at >= 0 && hello.endsWith("\n") && pidText(hello.substring(at + HELLO.length(), hello.length() - 1))) {
                    pid = AsciiNumbers.parseLong(hello.substring(at + HELLO.length(), hello.length() - 1));
                }
                tainted = true;
            }
        } else if (pre.length > 0) {
            LOG.debug("{} stray bytes on the shell's standard output", pre.length);
            tainted = true;
        }
        if (!out.readUntil(bytes(marker + "-e:"), sink::write)) {
            throw new ShellEndedException("the shell ended while the command ran");
        }
        ByteArrayOutputStream status = new ByteArrayOutputStream();
        if (!out.readUntil(new byte[] {'\n'}, status::write)) {
            throw new ShellEndedException("the shell ended while the command ran");
        }
        if (out.pending()) {
            tainted = true;
        }
        String s = status.toString(StandardCharsets.US_ASCII);
        if (!AsciiNumbers.isDigits(s) || s.length() > 3) {
            throw new IOException("malformed exit status from the shell: " + s);
        }
        return AsciiNumbers.parseInt(s);
    }

    /** Reads standard error of the command framed by {@code marker} into {@code sink}. */
    void readStderr(String marker, Bounded sink) throws IOException {
        ByteArrayOutputStream before = new ByteArrayOutputStream();
        if (!err.readUntil(bytes(marker + "-s"), before::write)) {
            throw new ShellEndedException("the shell ended before the command started");
        }
        if (before.size() > 0) {
            LOG.debug("{} stray bytes on the shell's standard error", before.size());
            tainted = true;
            if (!errGreeted) {
                noisyStart = true; // the login shell's rc files write to standard error
            }
        }
        errGreeted = true;
        if (!err.readUntil(bytes(marker + "-e\n"), sink::write)) {
            throw new ShellEndedException("the shell ended while the command ran");
        }
        if (err.pending()) {
            tainted = true;
        }
    }

    @Override
    public void close() {
        try {
            shell.close();
        } catch (Exception e) {
            LOG.debug("closing a shell session: {}", e.getMessage());
        }
        try {
            session.close();
        } catch (Exception e) {
            LOG.debug("closing a shell session: {}", e.getMessage());
        }
    }

    /** Waits a little for the channel to close (after its shell was killed). */
    void awaitClosed() {
        try {
            shell.join(2, TimeUnit.SECONDS);
        } catch (Exception e) {
            LOG.debug("shell session did not close: {}", e.getMessage());
        }
    }

    private static boolean pidText(String s) {
        return AsciiNumbers.isDigits(s) && s.length() <= 10;
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    /** The shell ended before the command was started: nothing ran, it may run elsewhere. */
    static final class NotStartedException extends Exception {
        NotStartedException(String message) {
            super(message);
        }
    }

    /** The shell's stream ended before the command's end marker: the shell was killed, the connection is fine. */
    static final class ShellEndedException extends IOException {
        ShellEndedException(String message) {
            super(message);
        }
    }

    /** Where bytes go. */
    interface Sink {
        void write(byte[] b, int off, int len);
    }

    /** Keeps at most a limit of bytes and counts what it dropped. */
    static final class Bounded {
        private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
        private final long limit;
        private boolean truncated;

        Bounded(long limit) {
            this.limit = limit;
        }

        synchronized void write(byte[] b, int off, int len) {
            long room = limit - kept.size();
            if (room >= len) {
                kept.write(b, off, len);
            } else {
                if (room > 0) {
                    kept.write(b, off, (int) room);
                }
                truncated = true;
            }
        }

        synchronized byte[] bytes() {
            return kept.toByteArray();
        }

        synchronized boolean truncated() {
            return truncated;
        }
    }

    /** One of the shell's output streams, with the bytes read past the last marker kept for the next read. */
    private static final class Stream {
        private final InputStream in;
        private byte[] carry = new byte[0];

        Stream(InputStream in) {
            this.in = in;
        }

        boolean pending() {
            return carry.length > 0;
        }

        /**
         * Passes every byte before {@code marker} to {@code sink} and consumes the marker; the bytes
         * read after it are kept. False when the stream ended first (what came before went to the sink).
         */
        boolean readUntil(byte[] marker, Sink sink) throws IOException {
            byte[] buf = new byte[Math.max(64 * 1024, carry.length + marker.length)];
            int have = carry.length;
            System.arraycopy(carry, 0, buf, 0, have);
            carry = new byte[0];
            int searchFrom = 0;
            while (true) {
                int at = indexOf(buf, searchFrom, have, marker);
                if (at >= 0) {
                    sink.write(buf, 0, at);
                    int rest = at + marker.length;
                    carry = java.util.Arrays.copyOfRange(buf, rest, have);
                    return true;
                }
                int safe = Math.max(0, have - (marker.length - 1));
                if (safe > 0) {
                    sink.write(buf, 0, safe);
                    System.arraycopy(buf, safe, buf, 0, have - safe);
                    have -= safe;
                }
                searchFrom = 0;
                int n = in.read(buf, have, buf.length - have);
                if (n < 0) {
                    sink.write(buf, 0, have);
                    return false;
                }
                have += n;
            }
        }

        private static int indexOf(byte[] buf, int from, int to, byte[] marker) {
            int last = to - marker.length;
            byte first = marker[0];
            outer:
            for (int i = from; i <= last; i++) {
                if (buf[i] != first) {
                    continue;
                }
                for (int j = 1; j < marker.length; j++) {
                    if (buf[i + j] != marker[j]) {
                        continue outer;
                    }
                }
                return i;
            }
            return -1;
        }
    }
}
