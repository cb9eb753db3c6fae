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
import dev.ops.sto.VolumeNotFoundException;
import dev.ops.sto.btrfs.Subvolume;
import dev.ops.sto.btrfs.SubvolumeConflictException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Many read-only snapshots of one subvolume made present, or many snapshots made absent, as one
 * change: the plan reads the file system once (one subvolume list and one look at the paths, however
 * many there are), and the apply runs every {@code btrfs} command of the batch in one shell on the
 * host, as a hand-written loop would. Making snapshots is undone by deleting the ones made (also
 * when the batch stops half-way); deleting cannot be undone.
 */
public final class SnapshotBatchChange<T> extends HostChange<T, SnapshotBatchChange.Batch> {
    /**
     * One look at the file system, in one process: where the source's file system is mounted
     * ({@code findmnt -r}), a NUL, every subvolume, a NUL, the read-only ones, a NUL; then per path
     * (NUL-terminated) its index and E (something is there) or P (its parent directory is missing).
     */
    private static final String SURVEY = "m=$(findmnt -n -r -o TARGET,FSROOT --target \"$1\") && t=$(findmnt -n -o TARGET --target \"$1\") "
            + "|| exit 1; printf '%s\\0' \"$m\"; btrfs subvolume list -p -u -q -R -g -c \"$t\" && printf '\\0' "
            + "&& btrfs subvolume list -r \"$t\" && printf '\\0' || exit 1; shift; "
            + "i=0; for p; do if [ -e \"$p\" ] || [ -L \"$p\" ]; then printf '%sE\\0' $i; "
            + "elif [ ! -d \"${p%/*}/\" ]; then printf '%sP\\0' $i; fi; i=$((i+1)); done"; // ${p%/*}: no dirname process per path
    private static final String SNAPSHOT = "src=$1; shift; for p; do btrfs subvolume snapshot -r \"$src\" \"$p\" >/dev/null || exit 1; done";
    private static final String DELETE = "for p; do if [ -e \"$p\" ]; then btrfs subvolume delete \"$p\" >/dev/null || exit 1; fi; done";

    private final String source;
    private final List<String> paths;
    private final boolean deleting;

    /** What a plan found: the paths to act on, and where the file system is mounted (for the read-back). */
    record Batch(List<String> todo, BtrfsHost.Mount mount) {}

    private SnapshotBatchChange(Host host, Ops ops, String source, List<String> paths, boolean deleting) {
        super(host, ops);
        this.source = source;
        this.paths = List.copyOf(paths);
        this.deleting = deleting;
    }

    /** Read-only snapshots of {@code source} at every one of {@code paths}; yields them. */
    public static Change<List<Subvolume>> present(Host host, Ops ops, String source, List<String> paths) {
        return new SnapshotBatchChange<>(host, ops, source, paths, false);
    }

    /** No snapshot of {@code source} at any of {@code paths}; yields how many were deleted. */
    public static Change<Integer> absent(Host host, Ops ops, String source, List<String> paths) {
        return new SnapshotBatchChange<>(host, ops, source, paths, true);
    }

    @Override
    public String description() {
        return "btrfs: " + paths.size() + " read-only snapshots of " + BtrfsHost.printable(source)
                + (deleting ? " absent" : " present") + " on " + host.name();
    }

    @Override
    protected void validate(Violations v) {
        BtrfsHost.checkPath(v, "source", source);
        v.check(!paths.isEmpty(), "paths", "name at least one snapshot path");
        for (String p : paths) {
            BtrfsHost.checkPath(v, "paths", p);
        }
        v.check(new LinkedHashSet<>(paths).size() == paths.size(), "paths", "name a path twice");
        v.check(!paths.contains(source), "paths", "must not include the source itself");
    }

    @Override
    protected Planned<Batch> planSteps() {
        String src = source;
        List<String> argv = new ArrayList<>(List.of("sh", "-c", SURVEY, "sh", src));
        argv.addAll(paths);
        String out = new String(host.check(Command.of(argv).asRoot()).stdout(), StandardCharsets.UTF_8);
        String[] parts = out.split("\0", 4);
        if (parts.length < 3) {
            throw new dev.ops.core.error.OpsException("btrfs on " + host.name() + ": the survey of " + BtrfsHost.printable(src) + " ended early");
        }
        BtrfsHost.Mount mount = BtrfsHost.parseMount(parts[0]);
        Map<String, Subvolume> byPath = new HashMap<>();
        for (Subvolume s : BtrfsHost.parseLists(parts[1], parts[2])) {
            mount.absolute(s.path()).ifPresent(abs -> byPath.put(abs, s));
        }
        Subvolume from = byPath.get(src);
        if (from == null) {
            throw new VolumeNotFoundException(host.name(), "source", BtrfsHost.printable(src) + " (not a subvolume of the file system mounted at "
                    + BtrfsHost.printable(mount.target()) + ")");
        }
        Map<Integer, Character> looked = looked(parts.length > 3 ? parts[3] : "");
        List<String> todo = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < paths.size(); i++) {
            String p = paths.get(i);
            Subvolume there = byPath.get(p);
            Character seen = looked.get(i);
            if (there != null && !there.parentUuid().equals(from.uuid())) {
                problems.add("'" + BtrfsHost.printable(p) + "' is a subvolume but not a snapshot of '" + BtrfsHost.printable(src) + "'");
            } else if (there == null && seen != null && seen == 'E') {
                problems.add("'" + BtrfsHost.printable(p) + "' exists but is not a Btrfs subvolume");
            } else if (seen != null && seen == 'P' && !deleting) {
                problems.add("the parent directory of '" + BtrfsHost.printable(p) + "' does not exist");
            } else if (there != null && deleting) {
                String below = there.path() + "/";
                byPath.values().stream().filter(s -> s.path().startsWith(below)).findFirst().ifPresent(nested -> problems.add("'"
                        + BtrfsHost.printable(p) + "' holds nested subvolumes, delete them first"));
                todo.add(p);
            } else if (there == null && !deleting) {
                todo.add(p);
            }
        }
        if (!problems.isEmpty()) {
            throw new SubvolumeConflictException(paths.get(0), "paths", String.join("; ", problems));
        }
        Batch batch = new Batch(List.copyOf(todo), mount);
        if (todo.isEmpty()) {
            return Planned.none(batch);
        }
        if (deleting) {
            return new Planned<>(List.of(Step.irreversible("delete " + todo.size() + " snapshots of " + BtrfsHost.printable(src), delete(todo))),
                    List.of("deleting snapshots cannot be undone: rollback leaves them deleted"), batch);
        }
        List<String> snapshot = new ArrayList<>(List.of("sh", "-c", SNAPSHOT, "sh", src));
        snapshot.addAll(todo);
        return new Planned<>(List.of(Step.of("snapshot " + BtrfsHost.printable(src) + " as " + todo.size() + " read-only snapshots ("
                + BtrfsHost.printable(todo.get(0)) + (todo.size() > 1 ? " ... " + BtrfsHost.printable(todo.get(todo.size() - 1)) : "") + ")",
                CommandAction.of(host.name(), Command.of(snapshot).asRoot()), delete(todo)).undoneAlsoOnFailure()), List.of(), batch);
    }

    private CommandAction delete(List<String> which) {
        List<String> argv = new ArrayList<>(List.of("sh", "-c", DELETE, "sh"));
        argv.addAll(which);
        return CommandAction.of(host.name(), Command.of(argv).asRoot());
    }

    /** Which paths hold something ({@code E}) or lack their parent directory ({@code P}), by index. */
    private static Map<Integer, Character> looked(String records) {
        Map<Integer, Character> seen = new HashMap<>();
        for (String rec : records.split("\0")) {
            if (rec.length() >= 2) {
                seen.put(dev.ops.core.text.AsciiNumbers.parseInt(rec.substring(0, rec.length() - 1)), rec.charAt(rec.length() - 1));
            }
        }
        return seen;
    }

    @Override
    @SuppressWarnings("unchecked")
    protected T result(Batch done) {
        if (deleting) {
            Integer deleted = done.todo().size();
            return (T) deleted;
        }
        Set<String> wanted = Set.copyOf(paths);
        List<Subvolume> out = new ArrayList<>();
        for (Subvolume s : BtrfsHost.list(host, done.mount())) {
            done.mount().absolute(s.path()).filter(wanted::contains).ifPresent(abs -> out.add(s));
        }
        return (T) out;
    }
}
