package dev.ops.core.fleet;

/**
 * Hears about a {@link Fleet} run as it goes ({@link Fleet#onProgress}), from the hosts' threads, so keep it quick.
 * {@link #started} calls may come at the same time from several hosts' threads; {@link #finished} calls come one at a
 * time, in order: {@code done} is 1, then 2, ... up to {@code total}, each host exactly once (a host cancelled at its
 * timeout or the deadline too), and every call has returned when {@code run} returns. A listener that throws is
 * logged and the run goes on.
 */
public interface FleetListener {

    /** A host's call is about to start. */
    default void started(String host) {}

    /** A host finished (in any way); {@code done} of {@code total} hosts have finished now, this one included. */
    default void finished(HostResult<?> result, int done, int total) {}
}
