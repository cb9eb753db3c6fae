package dev.ops.sto.zfs.internal;

import dev.ops.core.Ops;
import dev.ops.core.change.Change;
import dev.ops.core.change.Planned;
import dev.ops.core.change.Step;
import dev.ops.core.change.internal.HostChange;
import dev.ops.core.error.Violations;
import dev.ops.core.host.Host;
import dev.ops.sto.zfs.NewerSnapshotsException;
import dev.ops.sto.zfs.ZfsDataset;
import java.util.ArrayList;
import java.util.List;

/**
 * Snapshot changes: present (zfs snapshot, recursive on request; rollback destroys it), absent
 * (zfs destroy; cannot be undone), and the rollback verb (zfs rollback, with {@code -r} only when
 * the request consents, every newer snapshot it destroys named in the plan; cannot be undone).
 */
public final class SnapshotChange<T> extends HostChange<T, Void> {
    /** What the change does. */
    public enum Kind { PRESENT, ABSENT, ROLLBACK }

    private final String name;
    private final Kind kind;
    private final boolean recursive;

    private SnapshotChange(Host host, Ops ops, String name, Kind kind, boolean recursive) {
        super(host, ops);
        this.name = name;
        this.kind = kind;
        this.recursive = recursive;
    }

    /** The snapshot made when missing, of the children too when {@code recursive}. */
    public static Change<ZfsDataset> present(Host host, Ops ops, String name, boolean recursive) {
        return new SnapshotChange<>(host, ops, name, Kind.PRESENT, recursive);
    }

    /** The snapshot destroyed when there (of the children too when {@code recursive}); yields whether it is gone. */
    public static Change<Boolean> absent(Host host, Ops ops, String name, boolean recursive) {
        return new SnapshotChange<>(host, ops, name, Kind.ABSENT, recursive);
    }

    /** The dataset rolled back to the snapshot; {@code destroyNewer} consents to destroying newer snapshots. */
    public static Change<ZfsDataset> rollback(Host host, Ops ops, String name, boolean destroyNewer) {
        return new SnapshotChange<>(host, ops, name, Kind.ROLLBACK, destroyNewer);
    }

    @Override
    public String description() {
        return switch (kind) {
            case PRESENT -> "zfs snapshot " + name + (recursive ? " (recursive)" : "") + " present on " + host.name();
            case ABSENT -> "zfs snapshot " + name + (recursive ? " (recursive)" : "") + " absent on " + host.name();
            case ROLLBACK -> "zfs rollback to " + name + " on " + host.name();
        };
    }

    @Override
    protected void validate(Violations v) {
        ZfsNames.checkSnapshot(v, "name", name);
    }

    private String dataset() {
        return name.substring(0, name.indexOf('@'));
    }

    @Override
    protected Planned<Void> planSteps() {
        ZfsHost.require(host, kind == Kind.ROLLBACK ? "name" : "dataset", dataset());
        boolean exists = ZfsHost.get(host, name).isPresent();
        switch (kind) {
            case PRESENT -> {
                if (exists) {
                    return Planned.none(null);
                }
                List<String> make = new ArrayList<>(List.of("zfs", "snapshot"));
                List<String> undo = new ArrayList<>(List.of("zfs", "destroy"));
                if (recursive) {
                    make.add("-r");
                    undo.add("-r");
                }
                make.add(name);
                undo.add(name);
                return Planned.of(List.of(Step.of("snapshot " + name + (recursive ? " and the same snapshot of every child" : ""),
                        new ZfsAction(host.name(), make, name, false), new ZfsAction(host.name(), undo, name, true))));
            }
            case ABSENT -> {
                if (!exists) {
                    return Planned.none(null);
                }
                List<String> argv = recursive ? List.of("zfs", "destroy", "-r", name) : List.of("zfs", "destroy", name);
                return new Planned<Void>(List.of(Step.irreversible("destroy snapshot " + name, new ZfsAction(host.name(), argv, name, false))),
                        List.of("destroying a snapshot cannot be undone"), null);
            }
            default -> {
                if (!exists) {
                    throw new dev.ops.sto.VolumeNotFoundException(host.name(), "name", name);
                }
                List<ZfsDataset> snaps = ZfsHost.snapshots(host, dataset());
                List<String> newer = new ArrayList<>();
                boolean after = false;
                for (ZfsDataset s : snaps) {
                    if (after) {
                        newer.add(s.name());
                    }
                    after |= s.name().equals(name);
                }
                if (!newer.isEmpty() && !recursive) {
                    throw new NewerSnapshotsException(name, newer);
                }
                List<String> argv = newer.isEmpty() ? List.of("zfs", "rollback", name) : List.of("zfs", "rollback", "-r", name);
                List<String> notes = new ArrayList<>();
                notes.add("a rollback cannot be undone: changes to " + dataset() + " since " + name + " are lost");
                newer.forEach(n -> notes.add("-r destroys the newer snapshot " + n));
                return new Planned<Void>(List.of(Step.irreversible("roll " + dataset() + " back to " + name
                        + (newer.isEmpty() ? "" : ", destroying " + newer.size() + " newer snapshots (-r)"),
                        new ZfsAction(host.name(), argv, name, false))), notes, null);
            }
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    protected T result(Void context) {
        return switch (kind) {
            case PRESENT -> (T) ZfsHost.require(host, "name", name);
            case ABSENT -> (T) Boolean.valueOf(ZfsHost.get(host, name).isEmpty());
            case ROLLBACK -> (T) ZfsHost.require(host, "name", dataset());
        };
    }
}
