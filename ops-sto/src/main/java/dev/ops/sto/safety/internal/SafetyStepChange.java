package dev.ops.sto.safety.internal;

import dev.ops.core.Ops;
import dev.ops.core.change.Change;
import dev.ops.core.change.CommandAction;
import dev.ops.core.change.Planned;
import dev.ops.core.change.Step;
import dev.ops.core.change.internal.HostChange;
import dev.ops.core.error.ConflictException;
import dev.ops.core.error.Violations;
import dev.ops.core.host.Command;
import dev.ops.core.host.Host;
import dev.ops.sto.VolumeNotFoundException;
import dev.ops.sto.btrfs.internal.BtrfsHost;
import dev.ops.sto.lvm.LogicalVolume;
import dev.ops.sto.lvm.internal.LvmHost;
import dev.ops.sto.safety.Volume;
import dev.ops.sto.zfs.internal.ZfsAction;
import dev.ops.sto.zfs.internal.ZfsHost;
import dev.ops.sto.zfs.internal.ZfsNames;
import java.util.ArrayList;
import java.util.List;

/**
 * The two ends of a safety snapshot. {@code snapshot}: takes the snapshot, and its undo rolls the
 * volume back to it (so a failure anywhere later, or a rollback asked for, restores the volume).
 * {@code check}: runs the check command; its undo does nothing.
 */
public final class SafetyStepChange extends HostChange<String, Void> {
    private final Volume volume;
    private final String snapshot;
    private final Command check;

    private SafetyStepChange(Host host, Ops ops, Volume volume, String snapshot, Command check) {
        super(host, ops);
        this.volume = volume;
        this.snapshot = snapshot;
        this.check = check;
    }

    /** Takes snapshot {@code snapshot} of {@code volume}; undone by rolling the volume back to it. */
    public static Change<String> snapshot(Host host, Ops ops, Volume volume, String snapshot) {
        return new SafetyStepChange(host, ops, volume, snapshot, null);
    }

    /** Runs {@code check}; a non-zero exit fails the apply, which rolls back everything before it. */
    public static Change<String> check(Host host, Ops ops, Command check) {
        return new SafetyStepChange(host, ops, null, null, check);
    }

    @Override
    public String description() {
        return check != null ? "check " + check.render() + " on " + host.name()
                : "safety snapshot " + snapshot + " of " + volume + " on " + host.name();
    }

    @Override
    protected void validate(Violations v) {
        if (check != null) {
            return;
        }
        v.checkText(snapshot, "snapshot", s -> s.matches("[A-Za-z0-9_.:-]{1,100}"), "must be 1 to 100 letters, digits, _ . : or -");
        switch (volume.kind()) {
            case ZFS -> ZfsNames.checkDataset(v, "volume", volume.name());
            case BTRFS -> {
                BtrfsHost.checkPath(v, "volume", volume.name());
                BtrfsHost.checkPath(v, "snapshotDir", volume.snapshotDir());
            }
            case LVM -> LvmHost.checkFullName(v, "volume", volume.name());
        }
    }

    /** The snapshot's full name: {@code ds@name}, {@code dir/name} or {@code vg/name}. */
    public static String snapshotName(Volume volume, String snapshot) {
        return switch (volume.kind()) {
            case ZFS -> volume.name() + "@" + snapshot;
            case BTRFS -> volume.snapshotDir() + "/" + snapshot;
            case LVM -> volume.name().substring(0, volume.name().indexOf('/')) + "/" + snapshot;
        };
    }

    @Override
    protected Planned<Void> planSteps() {
        if (check != null) {
            return Planned.of(List.of(Step.of("check: " + check.render(), CommandAction.of(host.name(), check),
                    CommandAction.of(host.name(), Command.of("true")))));
        }
        String snap = snapshotName(volume, snapshot);
        List<String> notes = new ArrayList<>();
        Step step;
        switch (volume.kind()) {
            case ZFS -> {
                ZfsHost.require(host, "volume", volume.name());
                if (ZfsHost.get(host, snap).isPresent()) {
                    throw new ConflictException(snap, "snapshot: already exists; a safety snapshot is never reused", false);
                }
                step = Step.of("safety snapshot " + snap, ZfsAction.of(host.name(), snap, "zfs", "snapshot", snap),
                        ZfsAction.of(host.name(), snap, "zfs", "rollback", snap));
                notes.add("on failure or rollback, " + volume.name() + " is rolled back to " + snap
                        + " (refused if newer snapshots exist by then); the snapshot is kept");
            }
            case BTRFS -> {
                BtrfsHost.require(host, "volume", volume.name());
                if (BtrfsHost.show(host, "snapshot", snap).isPresent()) {
                    throw new ConflictException(snap, "snapshot: already exists; a safety snapshot is never reused", false);
                }
                step = Step.of("safety snapshot " + snap,
                        CommandAction.of(host.name(), Command.of("btrfs", "subvolume", "snapshot", "-r", volume.name(), snap).asRoot()),
                        CommandAction.of(host.name(), Command.of("sh", "-c", "btrfs subvolume delete \"$1\" >/dev/null && btrfs subvolume snapshot \"$2\" \"$1\" >/dev/null",
                                "sh", volume.name(), snap).asRoot()));
                notes.add("on failure or rollback, " + volume.name() + " is replaced by a writable snapshot of " + snap + "; the snapshot is kept");
            }
            default -> {
                LogicalVolume lv = LvmHost.lv(host, volume.name()).orElseThrow(() -> new VolumeNotFoundException(host.name(), "volume", volume.name()));
                if (LvmHost.lv(host, snap).isPresent()) {
                    throw new ConflictException(snap, "snapshot: already exists; a safety snapshot is never reused", false);
                }
                List<String> make = new ArrayList<>(LvmHost.argv("lvcreate", "-y", "-s"));
                if (volume.cowBytes() > 0) {
                    make.addAll(List.of("-L", volume.cowBytes() + "b"));
                }
                make.addAll(List.of("-n", snapshot, volume.name()));
                step = Step.of("safety snapshot " + snap, CommandAction.of(host.name(), Command.of(make).asRoot()),
                        CommandAction.of(host.name(), Command.of(LvmHost.argv("lvconvert", "-y", "--merge", snap)).asRoot()));
                notes.add("on failure or rollback, " + snap + " is merged back into " + volume.name()
                        + (lv.isOpen() ? " at its next activation (it is in use now, e.g. a mounted root: reboot to finish)"
                                : lv.isUseUnknown() ? " (at its next activation if it is in use: lvs cannot tell, lv_attr " + lv.attr() + ")" : ""));
            }
        }
        return new Planned<>(List.of(step), notes, null);
    }

    @Override
    protected String result(Void context) {
        return check != null ? "check passed" : snapshotName(volume, snapshot);
    }
}
