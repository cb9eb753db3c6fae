package dev.ops.sto.lvm;

import java.util.Objects;

/**
 * A physical volume, from {@code pvs}.
 *
 * @param name its device, e.g. {@code /dev/sdb1}
 * @param vg its volume group; empty when in none
 * @param size bytes
 * @param free bytes not given to logical volumes
 */
public record PhysicalVolume(String name, String vg, long size, long free) {

    public PhysicalVolume {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(vg, "vg");
    }
}
