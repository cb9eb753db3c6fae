package dev.ops.sto.zfs;

import java.util.Objects;

/**
 * What a host's {@code zfs} command supports, detected once per host.
 *
 * @param version the version {@code zfs version} prints (e.g. {@code zfs-2.2.7-pve1}); empty when it has no such command
 * @param parsableList whether {@code zfs list -p} exists (older CLIs such as zfs-fuse lack it; they are read with {@code zfs get -H -p})
 * @param json whether {@code zfs list -j} exists (OpenZFS 2.3 and newer)
 * @param holds whether {@code zfs hold} works
 */
public record ZfsCapabilities(String version, boolean parsableList, boolean json, boolean holds) {

    public ZfsCapabilities {
        Objects.requireNonNull(version, "version");
    }
}
