package dev.ops.core.host;

import dev.ops.core.error.CommandFailedException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * What a finished command left: exit code, standard output and error as raw bytes (non-UTF-8
 * output is kept as it was), how long it ran, and whether output had to be truncated.
 */
public record CommandResult(String host, String commandLine, int exitCode, byte[] stdout, byte[] stderr,
        Duration elapsed, boolean truncated) {

    private static final int TAIL_BYTES = 4096;

    /** Whether the command exited 0. */
    public boolean ok() {
        return exitCode == 0;
    }

    /** Standard output decoded as UTF-8 (malformed bytes become U+FFFD). */
    public String stdoutText() {
        return new String(stdout, StandardCharsets.UTF_8);
    }

    /** Standard error decoded as UTF-8 (malformed bytes become U+FFFD). */
    public String stderrText() {
        return new String(stderr, StandardCharsets.UTF_8);
    }

    /** The last few KB of standard error. */
    public String stderrTail() {
        int from = Math.max(0, stderr.length - TAIL_BYTES);
        return new String(stderr, from, stderr.length - from, StandardCharsets.UTF_8);
    }

    /** This result when the exit code was 0, else a {@link CommandFailedException}. */
    public CommandResult orThrow() {
        if (!ok()) {
            throw new CommandFailedException(host, commandLine, exitCode, stderrTail());
        }
        return this;
    }

    @Override
    public String toString() {
        return "CommandResult[" + host + " `" + commandLine + "` exit=" + exitCode + " stdout=" + stdout.length
                + "B stderr=" + stderr.length + "B in " + elapsed.toMillis() + "ms" + (truncated ? " truncated" : "") + "]";
    }
}
