package dev.ops.sto.zfs;

import java.util.Objects;

/**
 * A pool's health and scrub state, from {@code zpool list} and {@code zpool status}.
 *
 * @param name the pool's name
 * @param health {@code ONLINE}, {@code DEGRADED}, {@code FAULTED}, {@code OFFLINE}, {@code UNAVAIL}, {@code REMOVED} or {@code SUSPENDED}
 * @param scrub the last or running scrub
 */
public record ZfsPool(String name, String health, ScrubStatus scrub) {

    public ZfsPool {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(health, "health");
        Objects.requireNonNull(scrub, "scrub");
    }

    /** Whether the pool is healthy ({@code ONLINE}). */
    public boolean isHealthy() {
        return health.equals("ONLINE");
    }
}
