package dev.ops.core.host;

import dev.ops.core.error.CommandFailedException;
import dev.ops.core.secret.Redactor;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;

/**
 * What a finished command left: exit code, standard output and error as raw bytes (non-UTF-8
 * output is kept as it was), how long it ran, and whether output had to be truncated. The
 * command's {@linkplain Command#sensitive() sensitive values} are masked in standard error as
 * text and in the failure a non-zero exit becomes, since a program may echo its arguments there.
 */
public record CommandResult(String host, String commandLine, int exitCode, byte[] stdout, byte[] stderr,
        Duration elapsed, boolean truncated, Set<String> sensitive) {

    private static final int TAIL_BYTES = 4096;

    public CommandResult {
        sensitive = sensitive == null ? Set.of() : Set.copyOf(sensitive);
    }

    /** A result with no sensitive values to mask. */
    public CommandResult(String host, String commandLine, int exitCode, byte[] stdout, byte[] stderr, Duration elapsed,
            boolean truncated) {
        this(host, commandLine, exitCode, stdout, stderr, elapsed, truncated, Set.of());
    }

    /** The result of {@code command} on {@code host}, masking the command's sensitive values. */
    public static CommandResult of(String host, Command command, int exitCode, byte[] stdout, byte[] stderr, Duration elapsed,
            boolean truncated) {
        return new CommandResult(host, command.render(), exitCode, stdout, stderr, elapsed, truncated, command.sensitive());
    }

    /** Whether the command exited 0. */
    public boolean ok() {
        return exitCode == 0;
    }

    /** Standard output decoded as UTF-8 (malformed bytes become U+FFFD). */
    public String stdoutText() {
        return new String(stdout, StandardCharsets.UTF_8);
    }

    /** Standard error decoded as UTF-8 (malformed bytes become U+FFFD), sensitive values masked. */
    public String stderrText() {
        return mask(new String(stderr, StandardCharsets.UTF_8));
    }

    /** The last few KB of standard error, sensitive values masked. */
    public String stderrTail() {
        int from = Math.max(0, stderr.length - TAIL_BYTES);
        return mask(new String(stderr, from, stderr.length - from, StandardCharsets.UTF_8));
    }

    private String mask(String text) {
        for (String s : sensitive) {
            if (!s.isEmpty()) {
                text = text.replace(s, Redactor.MASK);
            }
        }
        return text;
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
