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
import java.util.List;

/** Makes a subvolume its file system's default (what a mount without {@code subvol=} shows); undone by restoring the old default. */
public final class DefaultSubvolumeChange extends HostChange<Subvolume, Void> {
    private final String path;

    private DefaultSubvolumeChange(Host host, Ops ops, String path) {
        super(host, ops);
        this.path = path;
    }

    /** The change that makes the subvolume at {@code path} the default. */
    public static Change<Subvolume> of(Host host, Ops ops, String path) {
        return new DefaultSubvolumeChange(host, ops, path);
    }

    @Override
    public String description() {
        return "btrfs default subvolume " + BtrfsHost.printable(path) + " on " + host.name();
    }

    @Override
    protected void validate(Violations v) {
        BtrfsHost.checkPath(v, "path", path);
    }

    @Override
    protected Planned<Void> planSteps() {
        Subvolume target = BtrfsHost.require(host, "path", path).subvolume();
        long old = BtrfsHost.defaultId(host, path);
        if (old == target.id()) {
            return Planned.none(null);
        }
        return Planned.of(List.of(Step.of("set default subvolume to " + BtrfsHost.printable(path) + " (id " + target.id() + ", was id " + old + ")",
                CommandAction.of(host.name(), Command.of("btrfs", "subvolume", "set-default", Long.toString(target.id()), path).asRoot()),
                CommandAction.of(host.name(), Command.of("btrfs", "subvolume", "set-default", Long.toString(old), path).asRoot()))));
    }

    @Override
    protected Subvolume result(Void context) {
        return BtrfsHost.require(host, "path", path).subvolume();
    }
}
