package dev.ops.proxmox.task;

import dev.ops.core.text.AsciiNumbers;
import dev.ops.proxmox.error.ProxmoxTaskFailedException;
import dev.ops.proxmox.error.ProxmoxTaskStillRunningException;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How waiting for a task ended.
 *
 * @param upid the task
 * @param state OK, OK with warnings, failed, or still running at the deadline
 * @param exitStatus Proxmox's exit status; empty while running
 * @param warnings the number of warnings ({@code WARNINGS: n}), 0 otherwise
 * @param logTail the last lines of the task log (filled for failures and warnings)
 * @param waited how long the wait took
 * @param polls how many status requests were made
 * @param deadline the deadline the wait ran under
 */
public record TaskOutcome(Upid upid, State state, String exitStatus, int warnings, List<String> logTail, Duration waited, int polls,
        Duration deadline) {
    private static final Pattern WARNINGS = Pattern.compile("^WARNINGS:\\s*(\\d+)$");

    public TaskOutcome {
        logTail = List.copyOf(logTail);
    }

    /** The ways a wait can end. */
    public enum State {
        /** The task ended with {@code OK}. */
        OK,
        /** The task ended with {@code WARNINGS: n}: it did its work, and logged warnings. Not a failure. */
        WARNINGS,
        /** The task ended with an error exit status. */
        FAILED,
        /** The deadline passed while the task still ran; the task has not failed and goes on. */
        STILL_RUNNING
    }

    /** Classifies a stopped task's exit status. */
    public static State classify(String exitStatus) {
        if ("OK".equals(exitStatus)) {
            return State.OK;
        }
        return WARNINGS.matcher(exitStatus.trim()).matches() ? State.WARNINGS : State.FAILED;
    }

    /** The warning count of a {@code WARNINGS: n} status, 0 for any other. */
    public static int warningCount(String exitStatus) {
        Matcher m = WARNINGS.matcher(exitStatus.trim());
        return m.matches() ? AsciiNumbers.parseInt(m.group(1)) : 0;
    }

    /** Whether the task ended and did its work (OK or with warnings). */
    public boolean succeeded() {
        return state == State.OK || state == State.WARNINGS;
    }

    /**
     * Returns this outcome when the task succeeded; throws {@link ProxmoxTaskFailedException} when it
     * failed and {@link ProxmoxTaskStillRunningException} when it still ran at the deadline.
     */
    public TaskOutcome orThrow() {
        return switch (state) {
            case OK, WARNINGS -> this;
            case FAILED -> throw new ProxmoxTaskFailedException(upid.value(), exitStatus, logTail);
            case STILL_RUNNING -> throw new ProxmoxTaskStillRunningException(upid.value(), deadline);
        };
    }

    @Override
    public String toString() {
        return "TaskOutcome[" + upid.type() + " " + upid.id() + " on " + upid.node() + ": " + state
                + (exitStatus.isEmpty() ? "" : " (" + exitStatus + ")") + ", " + polls + " polls in " + waited + "]";
    }
}
