package dev.ops.testkit.pve.internal;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The PBS fakes running in this JVM, by {@code host:port}, so that a PVE fake's storage of type
 * {@code pbs} that names one of them ({@code server}, {@code port}) backs up into it, as PVE's
 * vzdump writes into a real Proxmox Backup Server.
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
    }

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
