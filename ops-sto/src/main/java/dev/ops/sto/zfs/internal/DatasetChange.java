package dev.ops.sto.zfs.internal;

import dev.ops.core.Ops;
import dev.ops.core.change.Change;
import dev.ops.core.change.Planned;
import dev.ops.core.change.Step;
import dev.ops.core.change.internal.HostChange;
import dev.ops.core.error.Violations;
import dev.ops.core.host.Host;
import dev.ops.sto.VolumeNotFoundException;
import dev.ops.sto.zfs.ZfsDataset;
import dev.ops.sto.zfs.ZfsExistsException;
import dev.ops.sto.zfs.ZfsHasChildrenException;
import dev.ops.sto.zfs.ZfsType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A file system or volume made present (created with its properties; rollback destroys it), or a
 * dataset made absent (destroyed; with its dependants only when the request consents, and then
 * every one is named in the plan; cannot be undone). Built by {@link dev.ops.sto.zfs.Zfs}.
 */
public final class DatasetChange<T> extends HostChange<T, Void> {
    private final String name;
    private final boolean present;
    private final long volumeSize;
    private final Map<String, String> properties;
    private final boolean recursive;

    private DatasetChange(Host host, Ops ops, String name, boolean present, long volumeSize, Map<String, String> properties, boolean recursive) {
        super(host, ops);
        this.name = name;
        this.present = present;
        this.volumeSize = volumeSize;
        this.properties = new TreeMap<>(properties);
        this.recursive = recursive;
    }

    /** A file system ({@code volumeSize} 0) or volume of that size, created with {@code properties} when missing. */
    public static Change<ZfsDataset> present(Host host, Ops ops, String name, long volumeSize, Map<String, String> properties) {
        return new DatasetChange<>(host, ops, name, true, volumeSize, properties, false);
    }

    /** The dataset destroyed, its dependants too when {@code recursive}; yields whether it is gone. */
    public static Change<Boolean> absent(Host host, Ops ops, String name, boolean recursive) {
        return new DatasetChange<>(host, ops, name, false, 0, Map.of(), recursive);
    }

    @Override
    public String description() {
        return "zfs " + (volumeSize > 0 ? "volume " : "dataset ") + name + (present ? " present" : " absent") + " on " + host.name();
    }

    @Override
    protected void validate(Violations v) {
        ZfsNames.checkDataset(v, "name", name);
        v.check(volumeSize >= 0, "size", "must not be negative");
        if (present && name != null && name.indexOf('/') < 0) {
            v.add("name", "'" + name + "' is a pool: create pools with zpool, not as a dataset");
        }
        properties.forEach((k, val) -> ZfsPropertyRules.check(v, "properties." + k, k, val, true, volumeSize > 0));
    }

    @Override
    protected Planned<Void> planSteps() {
        if (present) {
            var now = ZfsHost.get(host, name);
            if (now.isPresent()) {
                ZfsType want = volumeSize > 0 ? ZfsType.VOLUME : ZfsType.FILESYSTEM;
                if (now.get().type() != want) {
                    throw new ZfsExistsException(name, name + " exists on " + host.name() + " as a " + now.get().type().name().toLowerCase(java.util.Locale.ROOT));
                }
                return Planned.none(null);
            }
            String parent = name.substring(0, name.lastIndexOf('/'));
            if (ZfsHost.get(host, parent).isEmpty()) {
                throw new VolumeNotFoundException(host.name(), "name", parent + " (the parent of " + name + ")");
            }
            List<String> argv = new ArrayList<>(List.of("zfs", "create"));
            if (volumeSize > 0) {
                argv.addAll(List.of("-V", Long.toString(volumeSize)));
            }
            properties.forEach((k, val) -> argv.addAll(List.of("-o", k + "=" + val)));
            argv.add(name);
            return Planned.of(List.of(Step.of("create " + (volumeSize > 0 ? "volume " : "file system ") + name,
                    new ZfsAction(host.name(), argv, name, false), ZfsAction.undo(host.name(), name, "zfs", "destroy", name))));
        }
        List<ZfsDataset> tree = ZfsHost.tree(host, name);
        if (tree.isEmpty()) {
            return Planned.none(null);
        }
        List<String> dependants = tree.stream().map(ZfsDataset::name).filter(n -> !n.equals(name)).toList();
        if (!dependants.isEmpty() && !recursive) {
            throw new ZfsHasChildrenException(name, name + " has dependants that destroying it would take along: " + dependants
                    + "; consent with recursive() (zfs destroy -r)");
        }
        List<String> argv = recursive ? List.of("zfs", "destroy", "-r", name) : List.of("zfs", "destroy", name);
        List<String> notes = new ArrayList<>();
        notes.add("destroying cannot be undone: rollback leaves " + name + " destroyed");
        dependants.forEach(d -> notes.add("also destroys " + d));
        return new Planned<Void>(List.of(Step.irreversible("destroy " + name + (dependants.isEmpty() ? "" : " and " + dependants.size() + " dependants"),
                new ZfsAction(host.name(), argv, name, false))), notes, null);
    }

    @Override
    @SuppressWarnings("unchecked")
    protected T result(Void context) {
        return present ? (T) ZfsHost.require(host, "name", name) : (T) Boolean.valueOf(ZfsHost.get(host, name).isEmpty());
    }
}
