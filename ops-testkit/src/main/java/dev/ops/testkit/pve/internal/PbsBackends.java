package dev.ops.testkit.pve.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The PBS fakes running in this JVM, by {@code host:port}, so that a PVE fake's storage of type
 * {@code pbs} that names one of them ({@code server}, {@code port}) backs up into it, as PVE's
 * vzdump writes into a real Proxmox Backup Server, and a PBS fake's sync job pulls from, or pushes
 * to, the one its remote names ({@code host}, {@code port}).
 */
public final class PbsBackends {
    /** What the PVE fake needs of a PBS: to take a backup, and to say whether one is still there. */
    public interface Backend {
        /** Stores a finished snapshot {@code type/id/time} in namespace {@code ns} of {@code datastore}, with notes. */
        void store(String datastore, String ns, String type, String id, long time, String notes);

        /** Whether the datastore and its namespace exist. */
        boolean hasNamespace(String datastore, String ns);

        /** Whether the snapshot is still there (a prune may have removed it). */
        boolean has(String datastore, String ns, String type, String id, long time);

        /** Whether {@code authId} (a user or an API token) with {@code secret} (its password or token secret) may log in. */
        boolean accepts(String authId, String secret);

        /**
         * What a sync pulls: namespace {@code ns} of {@code datastore} and the namespaces below it, down to
         * {@code maxDepth} levels; throws {@link java.util.NoSuchElementException} (its message as PBS
         * words it) when the datastore or the namespace does not exist.
         */
        Listing listing(String datastore, String ns, int maxDepth);

        /**
         * What a push sync does to this server: copies {@code from} into namespace {@code ns} of
         * {@code datastore} by the sync job's settings ({@code job}: group-filter, transfer-last,
         * remove-vanished, max-depth), the groups it makes owned by {@code owner} (the remote's
         * auth-id), each step told to {@code log}.
         */
        Synced receive(String datastore, String ns, Listing from, Map<String, Object> job, String owner, java.util.function.Consumer<String> log);
    }

    /**
     * What one sync did.
     *
     * @param copied the snapshots copied
     * @param removed the snapshots and namespaces removed as vanished
     * @param failed the groups not synced (another owner holds them)
     */
    public record Synced(int copied, int removed, int failed) {}

    /**
     * A sync source's content.
     *
     * @param namespaces the namespaces, relative to the one asked for ("" for itself)
     * @param snapshots the snapshots in them
     */
    public record Listing(List<String> namespaces, List<Source> snapshots) {}

    /**
     * One snapshot as a sync reads it.
     *
     * @param ns its namespace, relative to the one asked for
     * @param type vm, ct or host
     * @param id the backup id
     * @param time its backup time, epoch seconds
     * @param finished whether it is complete (a sync skips one still being written)
     * @param size its size in bytes
     * @param notes its notes (part of the manifest, so a sync carries them)
     * @param verification its last verification ({@code ok}, {@code failed}), null when never verified
     */
    public record Source(String ns, String type, String id, long time, boolean finished, long size, String notes, String verification) {}

    private static final Map<String, Backend> BACKENDS = new ConcurrentHashMap<>();

    private PbsBackends() {}

    /** Registers the PBS fake listening at {@code hostPort}. */
    public static void register(String hostPort, Backend backend) {
        BACKENDS.put(hostPort, backend);
    }

    /** Forgets the PBS fake at {@code hostPort}. */
    public static void unregister(String hostPort) {
        BACKENDS.remove(hostPort);
    }

    /** The PBS fake at {@code hostPort}, if one runs. */
    public static Optional<Backend> at(String hostPort) {
        return Optional.ofNullable(BACKENDS.get(hostPort));
    }
}
