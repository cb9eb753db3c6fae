package dev.ops.sys.process;

/** What sending a signal did. */
public sealed interface SignalResult {

    /** The process the signal was for. */
    long pid();

    /**
     * The kernel accepted the signal for the process.
     *
     * @param pid the process
     * @param signal the signal
     */
    record Delivered(long pid, Signal signal) implements SignalResult {}

    /**
     * No process has that id (it has exited).
     *
     * @param pid the process
     */
    record NoSuchProcess(long pid) implements SignalResult {}

    /**
     * The process exists but the caller may not signal it.
     *
     * @param pid the process
     * @param message what kill said
     */
    record NotPermitted(long pid, String message) implements SignalResult {}
}
