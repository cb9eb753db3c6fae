package dev.ops.core.journal;

import java.time.Instant;

/**
 * A process that a running step started, as the journal keeps it so that recovery can stop it
 * before undoing the step: a process left running by a dead apply could otherwise change things
 * after recovery reported them reverted.
 *
 * @param machine the machine it runs on (recovery stops only processes of its own machine)
 * @param pid its process id
 * @param started its start time, as {@link ProcessHandle.Info#startInstant()} gives it (pids get reused)
 * @param processGroup the process group it leads, with whatever it forked, or 0 when it has none of its own
 */
public record StepProcess(String machine, long pid, Instant started, long processGroup) {

    /** A process of this machine. */
    public static StepProcess local(long pid, Instant started, long processGroup) {
        return new StepProcess(Owner.current().machine(), pid, started, processGroup);
    }

    /** Whether it runs on this machine. */
    @com.fasterxml.jackson.annotation.JsonIgnore
    public boolean isLocal() {
        return machine.equals(Owner.current().machine());
    }

    @Override
    public String toString() {
        return "pid " + pid + (processGroup > 0 ? " (process group " + processGroup + ")" : "") + " on " + machine;
    }
}
