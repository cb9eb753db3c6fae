package dev.ops.sto.lvm;

import java.util.Objects;

/**
 * A logical volume, from {@code lvs}: its attributes ({@code lv_attr}, ten characters) say what it
 * is and what state it is in.
 *
 * @param name its name
 * @param vg its volume group
 * @param attr {@code lv_attr}, e.g. {@code owi-aos---} (an open, active origin) or {@code swi-a-s---} (an active snapshot)
 * @param size bytes
 * @param origin the volume a snapshot is of; empty for others
 * @param pool the thin pool of a thin volume; empty for others
 * @param snapPercent how full a thick snapshot's copy-on-write space is, 0 to 100; -1 when lvs reports none: it
 *     does not apply, or the volume is inactive and lvs could not ask the kernel (unknown, never read as 0)
 * @param dataPercent how full a thin pool's (or a thin volume's) data is, 0 to 100; -1 when lvs reports none, as above
 * @param metadataPercent how full a thin pool's metadata is, 0 to 100; -1 when lvs reports none, as above
 */
public record LogicalVolume(String name, String vg, String attr, long size, String origin, String pool, double snapPercent, double dataPercent,
        double metadataPercent) {

    public LogicalVolume {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(vg, "vg");
        Objects.requireNonNull(attr, "attr");
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(pool, "pool");
    }

    /** {@code vg/name}. */
    public String fullName() {
        return vg + "/" + name;
    }

    private char at(int i) {
        return attr.length() > i ? attr.charAt(i) : '-';
    }

    /** Whether it is a snapshot (thick: {@code s}/{@code S}; thin: a thin volume with an origin). */
    public boolean isSnapshot() {
        return at(0) == 's' || at(0) == 'S' || (at(0) == 'V' && !origin.isEmpty());
    }

    /** Whether it is a thick snapshot that overflowed or failed ({@code S} type or {@code I} state): its data is lost. */
    public boolean isInvalid() {
        return at(0) == 'S' || at(4) == 'I';
    }

    /** Whether it is a thin pool. */
    public boolean isThinPool() {
        return at(0) == 't';
    }

    /** Whether it is a thin volume. */
    public boolean isThin() {
        return at(0) == 'V';
    }

    /** Whether it is active. */
    public boolean isActive() {
        return at(4) == 'a';
    }

    /** Whether something holds it open (a mount, a VM): a merge into it waits for its next activation. */
    public boolean isOpen() {
        return at(5) == 'o';
    }

    /**
     * Whether lvs could not tell its state or whether it is open ({@code X} in {@code lv_attr}: it
     * could not ask device-mapper), so that {@link #isOpen()} false does not mean "not in use".
     */
    public boolean isUseUnknown() {
        return at(4) == 'X' || at(5) == 'X';
    }

    /** Whether a merge into (or of) it is pending ({@code O} origin or {@code S} merging snapshot in state). */
    public boolean isMerging() {
        return at(0) == 'O' || at(4) == 'm';
    }
}
