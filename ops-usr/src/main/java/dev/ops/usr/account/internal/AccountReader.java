package dev.ops.usr.account.internal;

import dev.ops.core.host.Command;
import dev.ops.core.host.CommandResult;
import dev.ops.core.host.Host;
import dev.ops.usr.account.GroupEntry;
import dev.ops.usr.account.PasswdEntry;
import dev.ops.usr.account.ShadowEntry;
import dev.ops.usr.account.User;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads users, groups and shadow entries of a host with {@code getent}. */
public final class AccountReader {
    private final Host host;

    public AccountReader(Host host) {
        this.host = host;
    }

    /** The passwd entry of a user by name or numeric uid. */
    public Optional<PasswdEntry> user(String nameOrUid) {
        return getent("passwd", nameOrUid).map(PasswdEntry::parse);
    }

    /** The group entry of a group by name or numeric gid. */
    public Optional<GroupEntry> group(String nameOrGid) {
        return getent("group", nameOrGid).map(GroupEntry::parse);
    }

    /** Every group the host knows. */
    public List<GroupEntry> groups() {
        return GroupEntry.parseFile(host.output("getent", "group"));
    }

    /** Every user the host knows. */
    public List<PasswdEntry> users() {
        return PasswdEntry.parseFile(host.output("getent", "passwd"));
    }

    /** The shadow entry of a user (read as root). */
    public Optional<ShadowEntry> shadow(String name) {
        CommandResult r = host.run(Command.of("getent", "shadow", name).asRoot());
        if (r.exitCode() == 2) {
            return Optional.empty();
        }
        r.orThrow();
        return Optional.of(ShadowEntry.parse(firstLine(r.stdoutText())));
    }

    /** The user with its primary group name, supplementary groups and lock state, if it exists. */
    public Optional<User> readUser(String name) {
        Optional<PasswdEntry> p = user(name);
        if (p.isEmpty()) {
            return Optional.empty();
        }
        PasswdEntry e = p.get();
        List<GroupEntry> all = groups();
        String primary = all.stream().filter(g -> g.gid() == e.gid()).map(GroupEntry::name).findFirst().orElse(Long.toString(e.gid()));
        List<String> groups = supplementaryGroups(all, name);
        boolean locked = shadow(name).map(ShadowEntry::locked).orElse(false);
        return Optional.of(new User(e.name(), e.uid(), e.gid(), primary, e.gecos(), e.home(), e.shell(), groups, locked));
    }

    /** The names of the groups listing {@code user} as a member, sorted. */
    public static List<String> supplementaryGroups(List<GroupEntry> all, String user) {
        List<String> out = new ArrayList<>();
        for (GroupEntry g : all) {
            if (g.members().contains(user) && !out.contains(g.name())) {
                out.add(g.name());
            }
        }
        out.sort(null);
        return out;
    }

    /** Whether a path exists on the host. */
    public boolean exists(String path) {
        return host.run(Command.of("test", "-e", path).asRoot()).ok();
    }

    /** The base directory useradd puts new homes in ({@code HOME} of {@code useradd -D}). */
    public String homeBase() {
        CommandResult r = host.run(Command.of("useradd", "-D").asRoot());
        if (r.ok()) {
            for (String line : r.stdoutText().split("\n")) {
                if (line.startsWith("HOME=")) {
                    return line.substring(5).strip();
                }
            }
        }
        return "/home";
    }

    private Optional<String> getent(String db, String key) {
        CommandResult r = host.run("getent", db, key);
        if (r.exitCode() == 2) {
            return Optional.empty();
        }
        r.orThrow();
        return Optional.of(firstLine(r.stdoutText()));
    }

    private static String firstLine(String text) {
        int nl = text.indexOf('\n');
        return nl < 0 ? text : text.substring(0, nl);
    }
}
