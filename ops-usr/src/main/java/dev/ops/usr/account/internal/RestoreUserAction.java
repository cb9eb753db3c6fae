package dev.ops.usr.account.internal;

import dev.ops.core.change.Action;
import dev.ops.core.change.Targets;
import dev.ops.core.host.Command;
import dev.ops.core.host.Host;
import dev.ops.core.host.ShellQuote;
import java.util.ArrayList;
import java.util.List;

/**
 * Brings back a deleted user with its uid, primary group (recreated with its gid when userdel
 * removed it), supplementary groups, GECOS, home path, shell and lock state.
 */
public record RestoreUserAction(String target, String name, long uid, long gid, String groupName, String gecos, String home,
        String shell, List<String> groups, boolean locked) implements Action {

    /** Copies the group list. */
    public RestoreUserAction {
        groups = List.copyOf(groups);
    }

    List<String> groupadd() {
        return List.of("groupadd", "-g", Long.toString(gid), groupName);
    }

    List<String> useradd() {
        List<String> argv = new ArrayList<>(List.of("useradd", "-u", Long.toString(uid), "-g", Long.toString(gid)));
        if (!groups.isEmpty()) {
            argv.addAll(List.of("-G", String.join(",", groups)));
        }
        argv.addAll(List.of("-d", home, "-M", "-s", shell, "-c", gecos, name));
        return argv;
    }

    /** Runs through sudo: root is asked of the host before the plan applies. */
    @Override
    public boolean needsRoot() {
        return true;
    }

    @Override
    public String render() {
        return "getent group " + gid + " || " + ShellQuote.join(groupadd()) + "\n" + ShellQuote.join(useradd())
                + (locked ? "\nusermod -L " + ShellQuote.quote(name) : "");
    }

    @Override
    public void execute(Targets targets) {
        Host host = targets.host(target);
        if (!host.run("getent", "group", Long.toString(gid)).ok()) {
            host.check(Cmd.root(groupadd()));
        }
        host.check(Cmd.root(useradd()));
        if (locked) {
            host.check(Command.of("usermod", "-L", name).asRoot());
        }
    }
}
