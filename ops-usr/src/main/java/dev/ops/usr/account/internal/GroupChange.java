package dev.ops.usr.account.internal;

import dev.ops.core.Ops;
import dev.ops.core.change.Change;
import dev.ops.core.change.Planned;
import dev.ops.core.change.Step;
import dev.ops.core.change.internal.HostChange;
import dev.ops.core.error.ConflictException;
import dev.ops.core.error.NotFoundException;
import dev.ops.core.error.Violations;
import dev.ops.core.host.Host;
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
 * null leaves the member list alone; {@code withMembers} are added when missing. A member that is
 * not a user fails at plan with a {@link NotFoundException}.
 *
 * @param <T> the group as it then is ({@link Present}), or what is left of it ({@link Absent})
 */
public abstract sealed class GroupChange<T> extends HostChange<T, Void> {
    private final String name;
    private final Long gid;
    private final List<String> members;
    private final List<String> withMembers;
    private final boolean system;
    private final boolean present;
    private final AccountReader reader;

    private GroupChange(Host host, Ops ops, String name, Long gid, List<String> members, List<String> withMembers, boolean system,
            boolean present) {
        super(host, ops);
        this.name = name;
        this.gid = gid;
        this.members = members == null ? null : List.copyOf(members);
        this.withMembers = List.copyOf(withMembers);
        this.system = system;
        this.present = present;
        this.reader = new AccountReader(host);
    }

    /** The change that makes the group of {@code spec} present; yields the group as it then is. */
    public static Change<Group> present(Host host, Ops ops, GroupSpec spec) {
        return new Present(host, ops, spec);
    }

    /** The change that makes the group absent; yields what is left of it (empty once deleted). */
    public static Change<Optional<Group>> absent(Host host, Ops ops, String name) {
        return new Absent(host, ops, name);
    }

    /** Makes the group present. */
    static final class Present extends GroupChange<Group> {
        Present(Host host, Ops ops, GroupSpec spec) {
            super(host, ops, spec.name(), spec.gid(), spec.members(), spec.withMembers(), spec.system(), true);
        }

        @Override
        protected Group result(Void context) {
            String name = super.name;
            return current().orElseThrow(() -> new NotFoundException("group " + name, "missing on " + host.name() + " after apply"));
        }
    }

    /** Makes the group absent. */
    static final class Absent extends GroupChange<Optional<Group>> {
        Absent(Host host, Ops ops, String name) {
            super(host, ops, name, null, null, List.of(), false, false);
        }

        @Override
        protected Optional<Group> result(Void context) {
            return current();
        }
    }

    /** The group as the host has it now. */
    final Optional<Group> current() {
        return reader.group(name).map(e -> new Group(e.name(), e.gid(), new TreeSet<>(e.members()).stream().toList()));
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
    protected Planned<Void> planSteps() {
        List<Step> steps = steps();
        return Planned.of(steps);
    }

    private List<Step> steps() {
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



}
