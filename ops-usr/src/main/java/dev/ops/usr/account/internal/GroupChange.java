package dev.ops.usr.account.internal;

import dev.ops.core.Ops;
import dev.ops.core.change.AbstractChange;
import dev.ops.core.change.Plan;
import dev.ops.core.change.Step;
import dev.ops.core.change.Targets;
import dev.ops.core.error.ConflictException;
import dev.ops.core.error.NotFoundException;
import dev.ops.core.error.Violations;
import dev.ops.core.host.Host;
import dev.ops.core.privilege.Privilege;
import dev.ops.usr.account.AccountNames;
import dev.ops.usr.account.Group;
import dev.ops.usr.account.GroupEntry;
import dev.ops.usr.account.PasswdEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * A group made present (gid, exact members or at least some members) or absent. {@code members}
 * null leaves the member list alone; {@code withMembers} are added when missing.
 */
public final class GroupChange<T> extends AbstractChange<T> {
    private final Host host;
    private final String name;
    private final Long gid;
    private final List<String> members;
    private final List<String> withMembers;
    private final boolean system;
    private final boolean present;
    private final AccountReader reader;

    private GroupChange(Ops ops, Host host, String name, Long gid, List<String> members, List<String> withMembers, boolean system,
            boolean present) {
        super(ops);
        this.host = host;
        this.name = name;
        this.gid = gid;
        this.members = members == null ? null : List.copyOf(members);
        this.withMembers = List.copyOf(withMembers);
        this.system = system;
        this.present = present;
        this.reader = new AccountReader(host);
    }

    /** The change that makes the group present. */
    public static GroupChange<Group> present(Ops ops, Host host, String name, Long gid, List<String> members, List<String> withMembers,
            boolean system) {
        return new GroupChange<>(ops, host, name, gid, members, withMembers, system, true);
    }

    /** The change that makes the group absent. */
    public static GroupChange<Optional<Group>> absent(Ops ops, Host host, String name) {
        return new GroupChange<>(ops, host, name, null, null, List.of(), false, false);
    }

    @Override
    public String description() {
        return "group " + name + (present ? " present" : " absent") + " on " + host.name();
    }

    @Override
    protected void validate(Violations v) {
        AccountNames.check(v, "name", name);
        if (gid != null) {
            AccountNames.checkId(v, "gid", gid);
        }
        if (members != null) {
            members.forEach(m -> AccountNames.check(v, "members", m));
        }
        withMembers.forEach(m -> AccountNames.check(v, "withMembers", m));
    }

    @Override
    protected List<Step> computeSteps() {
        String h = host.name();
        Optional<GroupEntry> current = reader.group(name);
        if (!present) {
            if (current.isEmpty()) {
                return List.of();
            }
            GroupEntry g = current.get();
            List<String> primaryOf = reader.users().stream().filter(u -> u.gid() == g.gid()).map(PasswdEntry::name).toList();
            if (!primaryOf.isEmpty()) {
                throw new ConflictException("group " + name, "is the primary group of " + String.join(", ", primaryOf) + " on " + h
                        + "; groupdel would refuse", false);
            }
            List<String> restore = new ArrayList<>(List.of("groupadd", "-g", Long.toString(g.gid())));
            if (!g.members().isEmpty()) {
                restore.addAll(List.of("-U", String.join(",", g.members())));
            }
            restore.add(name);
            return List.of(Step.of("delete group " + name + " (gid " + g.gid() + ", members " + g.members() + ")",
                    Cmd.action(h, "groupdel", name), Cmd.action(h, restore)));
        }
        Set<String> wanted = new TreeSet<>(withMembers);
        if (members != null) {
            wanted.addAll(members);
        }
        List<String> missing = wanted.stream().filter(u -> reader.user(u).isEmpty()).toList();
        if (!missing.isEmpty()) {
            throw new NotFoundException("user " + String.join(", ", missing), "does not exist on " + h + " (named as a member of group " + name + ")");
        }
        if (gid != null) {
            reader.group(Long.toString(gid)).filter(g -> !g.name().equals(name)).ifPresent(g -> {
                throw new ConflictException("gid " + gid, "already taken by group " + g.name() + " on " + h, false);
            });
        }
        if (current.isEmpty()) {
            List<String> argv = new ArrayList<>(List.of("groupadd"));
            if (system) {
                argv.add("-r");
            }
            if (gid != null) {
                argv.addAll(List.of("-g", Long.toString(gid)));
            }
            if (!wanted.isEmpty()) {
                argv.addAll(List.of("-U", String.join(",", wanted)));
            }
            argv.add(name);
            return List.of(Step.of("create group " + name, Cmd.action(h, argv), Cmd.action(h, "groupdel", name)));
        }
        GroupEntry g = current.get();
        List<Step> steps = new ArrayList<>();
        if (gid != null && gid != g.gid()) {
            steps.add(Step.of("change gid of group " + name + " from " + g.gid() + " to " + gid,
                    Cmd.action(h, "groupmod", "-g", Long.toString(gid), name), Cmd.action(h, "groupmod", "-g", Long.toString(g.gid()), name)));
        }
        for (String u : wanted) {
            if (!g.members().contains(u)) {
                steps.add(Step.of("add " + u + " to group " + name, Cmd.action(h, "gpasswd", "-a", u, name), Cmd.action(h, "gpasswd", "-d", u, name)));
            }
        }
        if (members != null) {
            for (String u : g.members()) {
                if (!wanted.contains(u)) {
                    steps.add(Step.of("remove " + u + " from group " + name, Cmd.action(h, "gpasswd", "-d", u, name),
                            Cmd.action(h, "gpasswd", "-a", u, name)));
                }
            }
        }
        return steps;
    }

    @Override
    protected Map<String, Set<Privilege>> requiredPrivileges(Plan plan) {
        return Map.of(host.name(), Set.of(Privilege.root()));
    }

    @Override
    protected Targets targets() {
        return Targets.of(host);
    }

    @Override
    @SuppressWarnings("unchecked")
    protected T result(Plan plan) {
        Optional<Group> g = reader.group(name).map(e -> new Group(e.name(), e.gid(), new TreeSet<>(e.members()).stream().toList()));
        if (present) {
            return (T) g.orElseThrow(() -> new NotFoundException("group " + name, "missing on " + host.name() + " after apply"));
        }
        return (T) g;
    }
}
