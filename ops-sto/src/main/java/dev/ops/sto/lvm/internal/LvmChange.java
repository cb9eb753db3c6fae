package dev.ops.sto.lvm.internal;

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
import dev.ops.sto.lvm.LogicalVolume;
import dev.ops.sto.lvm.MergeOutcome;
import java.util.ArrayList;
import java.util.List;

/**
 * The LVM changes: a PV, VG, LV or snapshot made present (rollback removes it) or absent (cannot be
 * undone), and the merge verb that rolls an origin back to a snapshot (deferred to the origin's next
 * activation when it is in use, and the plan says so). Yields what was asked about, read back (a
 * description of its state for PVs and VGs).
 */
public final class LvmChange<T> extends HostChange<T, MergeOutcome> {
    /** What the change does. */
    public enum Kind { PV_PRESENT, PV_ABSENT, VG_PRESENT, VG_ABSENT, LV_PRESENT, LV_ABSENT, SNAPSHOT_PRESENT, MERGE }

    private final Kind kind;
    /** A device for PVs, a VG name, or vg/lv. */
    private final String name;
    /** Devices of a VG, or the origin (vg/lv) of a snapshot, or the thin pool of a thin LV. */
    private final List<String> with;
    private final long size;

    private LvmChange(Host host, Ops ops, Kind kind, String name, List<String> with, long size) {
        super(host, ops);
        this.kind = kind;
        this.name = name;
        this.with = List.copyOf(with);
        this.size = size;
    }

    /** A change of {@code kind} about {@code name}; what it yields depends on the kind (see {@link dev.ops.sto.lvm.Lvm}). */
    @SuppressWarnings("unchecked")
    public static <T> Change<T> of(Host host, Ops ops, Kind kind, String name, List<String> with, long size) {
        return (Change<T>) new LvmChange<T>(host, ops, kind, name, with, size);
    }

    @Override
    public String description() {
        return "lvm " + kind.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + " " + name + " on " + host.name();
    }

    @Override
    protected void validate(Violations v) {
        switch (kind) {
            case PV_PRESENT, PV_ABSENT -> v.checkText(name, "device", d -> d.matches("/dev/[A-Za-z0-9/_.:+-]+"), "must be a device path under /dev");
            case VG_PRESENT, VG_ABSENT -> {
                LvmHost.checkName(v, "vg", name);
                if (kind == Kind.VG_PRESENT) {
                    v.check(!with.isEmpty(), "devices", "a volume group needs at least one physical volume");
                    with.forEach(d -> v.check(d.matches("/dev/[A-Za-z0-9/_.:+-]+"), "devices", "'" + d + "' must be a device path under /dev"));
                }
            }
            default -> {
                LvmHost.checkFullName(v, "name", name);
                if (kind == Kind.SNAPSHOT_PRESENT) {
                    v.check(with.size() == 1, "origin", "must be set");
                    with.forEach(o -> LvmHost.checkFullName(v, "origin", o));
                }
                if (kind == Kind.LV_PRESENT) {
                    v.check(size > 0, "size", "must be positive");
                }
                v.check(size >= 0, "size", "must not be negative");
            }
        }
    }

    private CommandAction lvm(String... args) {
        return CommandAction.of(host.name(), Command.of(LvmHost.argv(args)).asRoot());
    }

    @Override
    protected Planned<MergeOutcome> planSteps() {
        switch (kind) {
            case PV_PRESENT -> {
                if (LvmHost.pvs(host).stream().anyMatch(p -> p.name().equals(name))) {
                    return Planned.none(null);
                }
                if (!host.run(Command.of("test", "-b", name)).ok()) {
                    throw new VolumeNotFoundException(host.name(), "device", name);
                }
                return Planned.of(List.of(Step.of("pvcreate " + name, lvm("pvcreate", name), lvm("pvremove", name))), (MergeOutcome) null);
            }
            case PV_ABSENT -> {
                var pv = LvmHost.pvs(host).stream().filter(p -> p.name().equals(name)).findFirst();
                if (pv.isEmpty()) {
                    return Planned.none(null);
                }
                if (!pv.get().vg().isEmpty()) {
                    throw new ConflictException(name, "device: belongs to volume group " + pv.get().vg() + "; remove it from the group first", false);
                }
                return Planned.of(List.of(Step.of("pvremove " + name, lvm("pvremove", name), lvm("pvcreate", name))), (MergeOutcome) null);
            }
            case VG_PRESENT -> {
                if (LvmHost.vgs(host).stream().anyMatch(g -> g.name().equals(name))) {
                    return Planned.none(null);
                }
                List<String> args = new ArrayList<>(List.of("vgcreate", name));
                args.addAll(with);
                return Planned.of(List.of(Step.of("vgcreate " + name + " on " + with, lvm(args.toArray(String[]::new)), lvm("vgremove", name))), (MergeOutcome) null);
            }
            case VG_ABSENT -> {
                var vg = LvmHost.vgs(host).stream().filter(g -> g.name().equals(name)).findFirst();
                if (vg.isEmpty()) {
                    return Planned.none(null);
                }
                if (vg.get().lvCount() > 0) {
                    throw new ConflictException(name, "vg: holds " + vg.get().lvCount() + " logical volumes; remove them first", false);
                }
                return new Planned<MergeOutcome>(List.of(Step.irreversible("vgremove " + name, lvm("vgremove", name))),
                        List.of("removing a volume group cannot be undone by ops (vgcfgrestore can, from /etc/lvm/archive)"), null);
            }
            case LV_PRESENT -> {
                if (LvmHost.lv(host, name).isPresent()) {
                    return Planned.none(null);
                }
                String vg = name.substring(0, name.indexOf('/'));
                String lv = name.substring(name.indexOf('/') + 1);
                CommandAction create = with.isEmpty() ? lvm("lvcreate", "-y", "-L", size + "b", "-n", lv, vg)
                        : lvm("lvcreate", "-y", "-V", size + "b", "--thinpool", with.get(0), "-n", lv, vg);
                return Planned.of(List.of(Step.of("lvcreate " + name + " (" + size + " bytes" + (with.isEmpty() ? "" : ", thin in " + with.get(0)) + ")",
                        create, lvm("lvremove", "-y", name))), (MergeOutcome) null);
            }
            case LV_ABSENT -> {
                if (LvmHost.lv(host, name).isEmpty()) {
                    return Planned.none(null);
                }
                return new Planned<MergeOutcome>(List.of(Step.irreversible("lvremove " + name, lvm("lvremove", "-y", name))),
                        List.of("removing a logical volume cannot be undone: its data is lost"), null);
            }
            case SNAPSHOT_PRESENT -> {
                if (LvmHost.lv(host, name).isPresent()) {
                    return Planned.none(null);
                }
                LogicalVolume origin = LvmHost.lv(host, with.get(0)).orElseThrow(() -> new VolumeNotFoundException(host.name(), "origin", with.get(0)));
                String lv = name.substring(name.indexOf('/') + 1);
                CommandAction create = size > 0 ? lvm("lvcreate", "-y", "-s", "-L", size + "b", "-n", lv, origin.fullName())
                        : lvm("lvcreate", "-y", "-s", "-n", lv, origin.fullName());
                List<String> notes = new ArrayList<>();
                if (size == 0 && !origin.isThin()) {
                    throw new ConflictException(origin.fullName(), "size: a snapshot of a thick volume needs a size for its copy-on-write space", false);
                }
                if (size > 0) {
                    notes.add("the snapshot becomes invalid if more than " + size + " bytes of the origin change while it exists");
                }
                return new Planned<MergeOutcome>(List.of(Step.of("snapshot " + origin.fullName() + " as " + name, create, lvm("lvremove", "-y", name))), notes, null);
            }
            default -> {
                LogicalVolume snap = LvmHost.lv(host, name).orElseThrow(() -> new VolumeNotFoundException(host.name(), "name", name));
                if (!snap.isSnapshot()) {
                    throw new ConflictException(name, "name: is not a snapshot", false);
                }
                if (snap.isInvalid()) {
                    throw new ConflictException(name, "name: the snapshot is invalid (it overflowed); its data cannot be merged back", false);
                }
                LogicalVolume origin = LvmHost.lv(host, snap.vg() + "/" + snap.origin()).orElseThrow();
                List<String> notes = new ArrayList<>();
                notes.add("a merge cannot be undone: the snapshot is consumed and " + origin.fullName() + " returns to its content");
                if (origin.isOpen()) {
                    notes.add("deferred: " + origin.fullName() + " is in use, so the merge starts when it is next activated (after a reboot, for a root volume)");
                } else if (origin.isUseUnknown()) {
                    notes.add("maybe deferred: lvs cannot tell whether " + origin.fullName() + " is in use (lv_attr " + origin.attr()
                            + ": device-mapper did not answer); if it is, the merge starts when it is next activated");
                }
                // an unknown use counts as deferred: the outcome never claims a merge done that may still wait
                boolean deferred = origin.isOpen() || origin.isUseUnknown();
                return new Planned<MergeOutcome>(List.of(Step.irreversible("merge " + name + " back into " + origin.fullName()
                        + (origin.isOpen() ? " (deferred until its next activation)" : origin.isUseUnknown() ? " (maybe deferred: its use is unknown)" : ""),
                        lvm("lvconvert", "-y", "--merge", name))), notes, new MergeOutcome(name, origin.fullName(), deferred));
            }
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    protected T result(MergeOutcome merge) {
        return (T) switch (kind) {
            case PV_PRESENT -> LvmHost.pvs(host).stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow();
            case VG_PRESENT -> LvmHost.vgs(host).stream().filter(g -> g.name().equals(name)).findFirst().orElseThrow();
            case LV_PRESENT, SNAPSHOT_PRESENT -> LvmHost.lv(host, name).orElseThrow();
            case PV_ABSENT -> Boolean.valueOf(LvmHost.pvs(host).stream().noneMatch(p -> p.name().equals(name)));
            case VG_ABSENT -> Boolean.valueOf(LvmHost.vgs(host).stream().noneMatch(g -> g.name().equals(name)));
            case LV_ABSENT -> Boolean.valueOf(LvmHost.lv(host, name).isEmpty());
            case MERGE -> merge;
        };
    }
}
