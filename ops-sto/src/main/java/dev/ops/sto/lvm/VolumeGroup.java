package dev.ops.sto.lvm;

import java.util.Objects;

/**
 * A volume group, from {@code vgs}.
 *
 * @param name its name
 * @param size bytes
 * @param free bytes not given to logical volumes
 * @param pvCount its physical volumes
 * @param lvCount its logical volumes
 */
public record VolumeGroup(String name, long size, long free, int pvCount, int lvCount) {

    public VolumeGroup {
        Objects.requireNonNull(name, "name");
    }
}
