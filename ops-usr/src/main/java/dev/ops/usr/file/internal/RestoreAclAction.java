package dev.ops.usr.file.internal;

import dev.ops.core.change.Action;
import dev.ops.core.change.Targets;
import dev.ops.core.host.Command;
import java.util.Objects;

/**
 * Sets owner, group, special bits and the whole ACL of one or more paths to exactly what a
 * getfacl dump says, with {@code setfacl --restore=-} as root. Its undo is the same action with
 * the dump taken before.
 */
public record RestoreAclAction(String target, String dump, String summary) implements Action {

    /** Checks the required fields. */
    public RestoreAclAction {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(dump, "dump");
        Objects.requireNonNull(summary, "summary");
    }

    /** Runs through sudo: root is asked of the host before the plan applies. */
    @Override
    public boolean needsRoot() {
        return true;
    }

    @Override
    public String render() {
        long paths = dump.lines().filter(l -> l.startsWith("# file: ")).count();
        return "setfacl --restore=- (" + paths + " path(s))" + (summary.isEmpty() ? "" : "\n" + summary);
    }

    @Override
    public void execute(Targets targets) {
        targets.host(target).check(Command.builder().addArgv("setfacl", "--restore=-").stdin(dump).sudo(true).build());
    }
}
