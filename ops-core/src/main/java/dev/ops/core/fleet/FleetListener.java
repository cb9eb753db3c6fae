package dev.ops.core.fleet;

/** Hears about a {@link Fleet} run as it goes; called from the hosts' threads, so keep it quick and thread-safe. */
public interface FleetListener {

    /** A host's call is about to start. */
    default void started(String host) {}

    /** A host finished (in any way); {@code done} of {@code total} hosts have finished now. */
    default void finished(HostResult<?> result, int done, int total) {}
}
