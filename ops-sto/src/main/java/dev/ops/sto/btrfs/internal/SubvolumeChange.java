package dev.ops.sto.btrfs.internal;

import dev.ops.core.Ops;
import dev.ops.core.change.Change;
import dev.ops.core.change.CommandAction;
import dev.ops.core.change.Planned;
import dev.ops.core.change.Step;
import dev.ops.core.change.internal.HostChange;
import dev.ops.core.error.Violations;
import dev.ops.core.host.Command;
import dev.ops.core.host.Host;
import dev.ops.sto.btrfs.Subvolume;
import dev.ops.sto.btrfs.SubvolumeConflictException;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A subvolume or snapshot made present, or any subvolume made absent; built by
 * {@link dev.ops.sto.btrfs.Btrfs}. Creating is undone by deleting what was created; deleting
 * cannot be undone, and the plan says so.
 */
public final class SubvolumeChange<T> extends HostChange<T, Void> {
    private enum Kind { SUBVOLUME, SNAPSHOT, ABSENT }

    private final Kind kind;
    private final String path;
    private final String source;
    private final boolean readOnly;

    private SubvolumeChange(Host host, Ops ops, Kind kind, String path, String source, boolean readOnly) {
        super(host, ops);
        this.kind = kind;
        this.path = path;
        this.source = source;
        this.readOnly = readOnly;
    }

    /** A plain subvolume at {@code path}. */
    public static Change<Subvolume> subvolume(Host host, Ops ops, String path) {
        return new SubvolumeChange<>(host, ops, Kind.SUBVOLUME, path, null, false);
    }

    /** A snapshot of {@code source} at {@code path}, read-only unless {@code readOnly} is false. */
    public static Change<Subvolume> snapshot(Host host, Ops ops, String path, String source, boolean readOnly) {
        return new SubvolumeChange<>(host, ops, Kind.SNAPSHOT, path, source, readOnly);
    }

    /** No subvolume at {@code path}; yields whether one was deleted. */
    public static Change<Boolean> absent(Host host, Ops ops, String path) {
        return new SubvolumeChange<>(host, ops, Kind.ABSENT, path, null, false);
    }

    @Override
    public String description() {
        String p = BtrfsHost.printable(path);
        return switch (kind) {
            case SUBVOLUME -> "btrfs subvolume " + p + " present on " + host.name();
            case SNAPSHOT -> "btrfs " + (readOnly ? "read-only " : "") + "snapshot " + p + " of " + BtrfsHost.printable(source) + " present on " + host.name();
            case ABSENT -> "btrfs subvolume " + p + " absent on " + host.name();
        };
    }

    @Override
    protected void validate(Violations v) {
        BtrfsHost.checkPath(v, "path", path);
        if (kind == Kind.SNAPSHOT) {
            BtrfsHost.checkPath(v, "source", source);
            v.check(source == null || !source.equals(path), "path", "must differ from source");
        }
    }

    @Override
    protected Planned<Void> planSteps() {
        Optional<BtrfsParsers.Shown> now = BtrfsHost.show(host, "path", path);
        String p = BtrfsHost.printable(path);
        switch (kind) {
            case SUBVOLUME -> {
                if (now.isPresent()) {
                    return Planned.none(null);
                }
                requireParent();
                return Planned.of(List.of(Step.of("create subvolume " + p,
                        CommandAction.of(host.name(), Command.of("btrfs", "subvolume", "create", path).asRoot()),
                        deleteAction())));
            }
            case SNAPSHOT -> {
                BtrfsParsers.Shown src = BtrfsHost.require(host, "source", source);
                if (now.isPresent()) {
                    Subvolume s = now.get().subvolume();
                    if (!s.parentUuid().equals(src.subvolume().uuid())) {
                        throw new SubvolumeConflictException(path, "path", "'" + p + "' is a subvolume on " + host.name()
                                + " but not a snapshot of '" + BtrfsHost.printable(source) + "'");
                    }
                    return Planned.none(null);
                }
                requireParent();
                List<String> argv = readOnly ? List.of("btrfs", "subvolume", "snapshot", "-r", source, path)
                        : List.of("btrfs", "subvolume", "snapshot", source, path);
                return Planned.of(List.of(Step.of("snapshot " + BtrfsHost.printable(source) + " as " + (readOnly ? "read-only " : "") + p,
                        CommandAction.of(host.name(), Command.of(argv).asRoot()), deleteAction())));
            }
            default -> {
                if (now.isEmpty()) {
                    return Planned.none(null);
                }
                List<String> nested = BtrfsHost.children(host, path);
                if (!nested.isEmpty()) {
                    BtrfsHost.Mount mount = BtrfsHost.mount(host, path);
                    throw new SubvolumeConflictException(path, "path", "'" + p + "' holds nested subvolumes, delete them first: "
                            + nested.stream().map(s -> BtrfsHost.printable(mount.absolute(s).orElse(s))).collect(Collectors.joining(", ")));
                }
                return new Planned<Void>(List.of(Step.irreversible("delete subvolume " + p + " (id " + now.get().subvolume().id() + ")",
                        CommandAction.of(host.name(), Command.of("btrfs", "subvolume", "delete", path).asRoot()))),
                        List.of("deleting a subvolume cannot be undone: rollback leaves it deleted"), null);
            }
        }
    }

    private CommandAction deleteAction() {
        return CommandAction.of(host.name(), Command.of("btrfs", "subvolume", "delete", path).asRoot());
    }

    private void requireParent() {
        String parent = path.substring(0, path.lastIndexOf('/'));
        String dir = parent.isEmpty() ? "/" : parent;
        if (!host.run(Command.of("test", "-d", dir).asRoot()).ok()) {
            throw new dev.ops.sto.VolumeNotFoundException(host.name(), "path", "parent directory " + BtrfsHost.printable(dir));
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    protected T result(Void context) {
        if (kind == Kind.ABSENT) {
            // the delete step succeeded (or there was nothing to delete): it is gone
            return (T) Boolean.TRUE;
        }
        return (T) BtrfsHost.require(host, "path", path).subvolume();
    }
}
