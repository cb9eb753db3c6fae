package dev.ops.pve.agent;

/**
 * A command run in the guest by its agent: the exit code and what it wrote.
 *
 * @param exitCode the exit code (127: not found)
 * @param stdout standard output, empty when none
 * @param stderr standard error, empty when none
 * @param truncated whether the agent cut the output short
 */
public record ExecResult(int exitCode, String stdout, String stderr, boolean truncated) {

    /** Whether the command exited 0. */
    public boolean ok() {
        return exitCode == 0;
    }
}
