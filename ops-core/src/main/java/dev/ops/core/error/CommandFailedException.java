package dev.ops.core.error;

/** A command ran and exited non-zero; carries the host, the command line, exit code and stderr tail. */
public class CommandFailedException extends OpsException {
    private final String host;
    private final String command;
    private final int exitCode;
    private final String stderrTail;

    public CommandFailedException(String host, String command, int exitCode, String stderrTail) {
        super("command failed on " + host + " with exit code " + exitCode + ": " + command
                + (stderrTail.isBlank() ? "" : " — " + stderrTail.strip()), null, false);
        this.host = host;
        this.command = command;
        this.exitCode = exitCode;
        this.stderrTail = stderrTail;
    }

    public String host() {
        return host;
    }

    /** The command line, secrets redacted. */
    public String command() {
        return command;
    }

    public int exitCode() {
        return exitCode;
    }

    /** The last lines of standard error (at most a few KB). */
    public String stderrTail() {
        return stderrTail;
    }
}
