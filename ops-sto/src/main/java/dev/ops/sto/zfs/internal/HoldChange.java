package dev.ops.sto.zfs.internal;

import dev.ops.core.Ops;
import dev.ops.core.change.Change;
import dev.ops.core.change.Planned;
import dev.ops.core.change.Step;
import dev.ops.core.change.internal.HostChange;
import dev.ops.core.error.Violations;
import dev.ops.core.host.Command;
import dev.ops.core.host.Host;
import java.util.ArrayList;
import java.util.List;

/** A user hold on a snapshot placed ({@code zfs hold}) or released ({@code zfs release}); each undoes the other. */
public final class HoldChange extends HostChange<List<String>, Void> {
    private final String name;
    private final String tag;
    private final boolean hold;

    private HoldChange(Host host, Ops ops, String name, String tag, boolean hold) {
        super(host, ops);
        this.name = name;
        this.tag = tag;
        this.hold = hold;
    }

    /** The hold {@code tag} on snapshot {@code name}, present ({@code hold}) or absent; yields the snapshot's holds after. */
    public static Change<List<String>> of(Host host, Ops ops, String name, String tag, boolean hold) {
        return new HoldChange(host, ops, name, tag, hold);
    }

    @Override
    public String description() {
        return "zfs hold " + tag + " on " + name + (hold ? " present" : " absent") + " on " + host.name();
    }

    @Override
    protected void validate(Violations v) {
        ZfsNames.checkSnapshot(v, "name", name);
        v.checkText(tag, "tag", t -> t.length() <= 255 && t.chars().allMatch(c -> c >= 0x20 && c != 0x7f), "must be printable and at most 255 characters");
    }

    /** The tags on snapshot {@code name}, from {@code zfs holds -H} (name, tag, time per line). */
    public static List<String> holds(Host host, String name) {
        String out = ZfsErrors.check(host.run(Command.of("zfs", "holds", "-H", name).asRoot()), "name", name).stdoutText();
        List<String> tags = new ArrayList<>();
        for (String line : out.split("\n")) {
            String[] f = line.split("\t");
            if (f.length >= 2) {
                tags.add(f[1]);
            }
        }
        return tags;
    }

    @Override
    protected Planned<Void> planSteps() {
        ZfsHost.require(host, "name", name);
        boolean held = holds(host, name).contains(tag);
        if (held == hold) {
            return Planned.none(null);
        }
        ZfsAction place = ZfsAction.of(host.name(), name, "zfs", "hold", tag, name);
        ZfsAction release = ZfsAction.of(host.name(), name, "zfs", "release", tag, name);
        return Planned.of(List.of(hold ? Step.of("hold " + name + " with tag " + tag, place, release)
                : Step.of("release hold " + tag + " on " + name, release, place)));
    }

    @Override
    protected List<String> result(Void context) {
        return holds(host, name);
    }
}
