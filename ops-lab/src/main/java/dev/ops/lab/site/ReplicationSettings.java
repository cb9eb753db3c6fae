package dev.ops.lab.site;

import java.util.Objects;

/**
 * How resources replicate across nodes: resources on the primary node go to every node;
 * {@code clusterWide} sends those made elsewhere to every node too.
 *
 * @param clusterWide whether resources made on other nodes replicate to every node as well
 * @param full full clones (true) or linked clones (false)
 * @param storage the storage a replica's disks go to on its node (a storage role or id)
 * @param fromPrimary whether resources on the primary node replicate to every node (the seed's
 *     {@code auto_replicate_from_primary}; on unless the site turns it off)
 */
public record ReplicationSettings(boolean clusterWide, boolean full, String storage, boolean fromPrimary) {
    public ReplicationSettings {
        Objects.requireNonNull(storage, "storage");
    }

    /** What a site without a {@code replication} section gets. */
    public static ReplicationSettings defaults() {
        return new ReplicationSettings(false, true, "vm", true);
    }
}
