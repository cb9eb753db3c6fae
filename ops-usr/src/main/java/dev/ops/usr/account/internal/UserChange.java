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
import dev.ops.core.text.AsciiNumbers;
import dev.ops.usr.account.AccountNames;
import dev.ops.usr.account.GroupEntry;
import dev.ops.usr.account.PasswdEntry;
import dev.ops.usr.account.ShadowEntry;
import dev.ops.usr.account.User;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * A user made present with the given attributes ({@link Present}, yielding the user), or absent
 * ({@link Absent}, yielding what is left of it). A group the user is to join, or that it names as
 * its primary group, must exist when the change is planned, else the plan fails with a
 * {@link NotFoundException} naming every missing group.
 *
 * @param <T> the user as it then is, or what is left of it
 */
public abstract sealed class UserChange<T> extends HostChange<T, Void> {
    private final UserSpec spec;
    private final boolean present;
    private final AccountReader reader;

    private UserChange(Host host, Ops ops, UserSpec spec, boolean present) {
        super(host, ops);
        this.spec = spec;
        this.present = present;
        this.reader = new AccountReader(host);
    }

    /** The change that makes the user present; yields the user as it then is. */
    public static Change<User> present(Host host, Ops ops, UserSpec spec) {
        return new Present(host, ops, spec);
    }

    /** The change that makes the user absent; yields what is left of it (empty once deleted). */
    public static Change<Optional<User>> absent(Host host, Ops ops, UserSpec spec) {
        return new Absent(host, ops, spec);
    }

    /** Makes the user present. */
    static final class Present extends UserChange<User> {
        Present(Host host, Ops ops, UserSpec spec) {
            super(host, ops, spec, true);
        }

        @Override
        protected User result(Void context) {
            String name = super.spec.name();
            return super.reader.readUser(name).orElseThrow(() -> new NotFoundException("user " + name, "missing on " + host.name() + " after apply"));
        }
    }

    /** Makes the user absent. */
    static final class Absent extends UserChange<Optional<User>> {
        Absent(Host host, Ops ops, UserSpec spec) {
            super(host, ops, spec, false);
        }

        @Override
        protected Optional<User> result(Void context) {
            return super.reader.readUser(super.spec.name());
        }
    }

    @Override
    public String description() {
        return "user " + spec.name() + (present ? " present" : " absent") + " on " + host.name();
    }

    @Override
    protected void validate(Violations v) {
        AccountNames.check(v, "name", spec.name());
        if (spec.uid() != null) {
            AccountNames.checkId(v, "uid", spec.uid());
        }
        if (spec.primaryGroup() != null) {
            checkGroupRef(v, "primaryGroup", spec.primaryGroup());
        }
        if (spec.groups() != null) {
            spec.groups().forEach(g -> AccountNames.check(v, "groups", g));
        }
        spec.memberOf().forEach(g -> AccountNames.check(v, "memberOf", g));
        checkPath(v, "shell", spec.shell());
        checkPath(v, "home", spec.home());
        if (spec.gecos() != null) {
            v.check(spec.gecos().indexOf(':') < 0 && spec.gecos().chars().noneMatch(c -> c < 0x20 || c == 0x7f), "gecos",
                    "must not contain ':', NUL, a newline or other control character");
        }
    }

    private static void checkGroupRef(Violations v, String field, String ref) {
        if (AsciiNumbers.isDigits(ref)) {
            if (ref.length() > 10) {
                v.add(field, "'" + ref + "' is not a valid id (0 to 4294967294)");
            } else {
                AccountNames.checkId(v, field, AsciiNumbers.parseLong(ref));
            }
        } else {
            AccountNames.check(v, field, ref);
        }
    }

    private static void checkPath(Violations v, String field, String path) {
        if (path != null) {
            v.check(path.startsWith("/") && path.indexOf(':') < 0 && path.chars().noneMatch(c -> c < 0x20 || c == 0x7f), field,
                    "'" + path.replace("\0", "\\0") + "' must be an absolute path without ':', NUL, a newline or other control character");
        }
    }

    @Override
    protected Planned<Void> planSteps() {
        List<Step> steps = steps();
        return new Planned<>(steps, notes(steps), null);
    }

    private List<Step> steps() {
        Optional<PasswdEntry> current = reader.user(spec.name());
        if (!present) {
            return current.map(this::deleteSteps).orElse(List.of());
        }
        List<GroupEntry> groups = reader.groups();
        checkGroupsExist(groups);
        if (spec.uid() != null) {
            reader.user(Long.toString(spec.uid())).filter(p -> !p.name().equals(spec.name())).ifPresent(p -> {
                throw new ConflictException("uid " + spec.uid(), "already taken by user " + p.name() + " on " + host.name(), false);
            });
        }
        return current.isEmpty() ? createSteps(groups) : modifySteps(current.get(), groups);
    }

    private void checkGroupsExist(List<GroupEntry> groups) {
        Set<String> wanted = new LinkedHashSet<>();
        if (spec.primaryGroup() != null) {
            wanted.add(spec.primaryGroup());
        }
        if (spec.groups() != null) {
            wanted.addAll(spec.groups());
        }
        wanted.addAll(spec.memberOf());
        List<String> missing = wanted.stream().filter(g -> find(groups, g).isEmpty()).toList();
        if (!missing.isEmpty()) {
            throw new NotFoundException("group " + String.join(", ", missing), "does not exist on " + host.name()
                    + " (needed by user " + spec.name() + ")");
        }
    }

    private static Optional<GroupEntry> find(List<GroupEntry> groups, String ref) {
        boolean numeric = AsciiNumbers.isDigits(ref);
        return groups.stream().filter(g -> numeric ? Long.toString(g.gid()).equals(ref) : g.name().equals(ref)).findFirst();
    }

    private Set<String> wantedSupplementary() {
        Set<String> out = new TreeSet<>();
        if (spec.groups() != null) {
            out.addAll(spec.groups());
        }
        out.addAll(spec.memberOf());
        return out;
    }

    private List<Step> createSteps(List<GroupEntry> groups) {
        String name = spec.name();
        if (Boolean.FALSE.equals(spec.locked())) {
            Violations.of(description()).add("locked", "a new account has no password, so it cannot be created unlocked; "
                    + "set a password first").throwIfAny();
        }
        if (spec.primaryGroup() == null && find(groups, name).isPresent()) {
            throw new ConflictException("group " + name, "already exists on " + host.name()
                    + "; useradd would refuse to create the user's own group: name it with primaryGroup(\"" + name + "\")", false);
        }
        String home = spec.home() != null ? spec.home() : reader.homeBase() + "/" + name;
        boolean homeCreated = spec.createHome() && !reader.exists(home);
        List<String> argv = new ArrayList<>(List.of("useradd"));
        if (spec.system()) {
            argv.add("-r");
        }
        if (spec.uid() != null) {
            argv.addAll(List.of("-u", Long.toString(spec.uid())));
        }
        if (spec.primaryGroup() != null) {
            argv.addAll(List.of("-g", spec.primaryGroup()));
        }
        Set<String> supplementary = wantedSupplementary();
        if (!supplementary.isEmpty()) {
            argv.addAll(List.of("-G", String.join(",", supplementary)));
        }
        if (spec.shell() != null) {
            argv.addAll(List.of("-s", spec.shell()));
        }
        if (spec.gecos() != null) {
            argv.addAll(List.of("-c", spec.gecos()));
        }
        argv.addAll(List.of("-d", home, spec.createHome() ? "-m" : "-M", name));
        List<String> undo = homeCreated ? List.of("userdel", "-r", name) : List.of("userdel", name);
        return List.of(Step.of("create user " + name + " (home " + home + (homeCreated ? ", created" : "") + ")",
                Cmd.action(host.name(), argv), Cmd.action(host.name(), undo)));
    }

    private List<Step> modifySteps(PasswdEntry cur, List<GroupEntry> groups) {
        String h = host.name();
        String name = spec.name();
        List<Step> steps = new ArrayList<>();
        if (spec.uid() != null && spec.uid() != cur.uid()) {
            steps.add(Step.of("change uid of " + name + " from " + cur.uid() + " to " + spec.uid(),
                    Cmd.action(h, "usermod", "-u", Long.toString(spec.uid()), name),
                    Cmd.action(h, "usermod", "-u", Long.toString(cur.uid()), name)));
        }
        if (spec.primaryGroup() != null) {
            GroupEntry g = find(groups, spec.primaryGroup()).orElseThrow();
            if (g.gid() != cur.gid()) {
                steps.add(Step.of("change primary group of " + name + " from " + cur.gid() + " to " + g.name() + " (" + g.gid() + ")",
                        Cmd.action(h, "usermod", "-g", Long.toString(g.gid()), name),
                        Cmd.action(h, "usermod", "-g", Long.toString(cur.gid()), name)));
            }
        }
        attribute(steps, "GECOS", "-c", cur.gecos(), spec.gecos());
        attribute(steps, "home", "-d", cur.home(), spec.home());
        attribute(steps, "shell", "-s", cur.shell(), spec.shell());
        List<String> current = AccountReader.supplementaryGroups(groups, name);
        for (String g : wantedSupplementary()) {
            String gname = find(groups, g).map(GroupEntry::name).orElse(g);
            if (!current.contains(gname)) {
                steps.add(Step.of("add " + name + " to group " + gname, Cmd.action(h, "gpasswd", "-a", name, gname),
                        Cmd.action(h, "gpasswd", "-d", name, gname)));
            }
        }
        if (spec.groups() != null) {
            Set<String> wanted = new TreeSet<>();
            spec.groups().forEach(g -> wanted.add(find(groups, g).map(GroupEntry::name).orElse(g)));
            spec.memberOf().forEach(g -> wanted.add(find(groups, g).map(GroupEntry::name).orElse(g)));
            for (String g : current) {
                if (!wanted.contains(g)) {
                    steps.add(Step.of("remove " + name + " from group " + g, Cmd.action(h, "gpasswd", "-d", name, g),
                            Cmd.action(h, "gpasswd", "-a", name, g)));
                }
            }
        }
        if (spec.locked() != null) {
            ShadowEntry shadow = reader.shadow(name).orElseThrow(() -> new NotFoundException("shadow entry of " + name,
                    "user exists but has no shadow entry on " + h));
            if (spec.locked() && !shadow.locked()) {
                steps.add(Step.of("lock the password of " + name, Cmd.action(h, "usermod", "-L", name), Cmd.action(h, "usermod", "-U", name)));
            } else if (!spec.locked() && shadow.locked()) {
                if (!shadow.hasPassword()) {
                    Violations.of(description()).add("locked", name + " has no password; unlocking would leave a passwordless "
                            + "account (usermod -U refuses): set a password first").throwIfAny();
                }
                steps.add(Step.of("unlock the password of " + name, Cmd.action(h, "usermod", "-U", name), Cmd.action(h, "usermod", "-L", name)));
            }
        }
        return steps;
    }

    private void attribute(List<Step> steps, String what, String flag, String current, String wanted) {
        if (wanted != null && !wanted.equals(current)) {
            String h = host.name();
            steps.add(Step.of("change " + what + " of " + spec.name() + " from '" + current + "' to '" + wanted + "'",
                    Cmd.action(h, "usermod", flag, wanted, spec.name()), Cmd.action(h, "usermod", flag, current, spec.name())));
        }
    }

    private List<Step> deleteSteps(PasswdEntry cur) {
        String h = host.name();
        List<GroupEntry> groups = reader.groups();
        String groupName = groups.stream().filter(g -> g.gid() == cur.gid()).map(GroupEntry::name).findFirst().orElse(cur.name());
        boolean locked = reader.shadow(cur.name()).map(ShadowEntry::locked).orElse(true);
        RestoreUserAction restore = new RestoreUserAction(h, cur.name(), cur.uid(), cur.gid(), groupName, cur.gecos(), cur.home(),
                cur.shell(), AccountReader.supplementaryGroups(groups, cur.name()), locked);
        String what = "delete user " + cur.name() + " (uid " + cur.uid() + ")";
        if (spec.removeHome()) {
            return List.of(Step.irreversible(what + " and its home " + cur.home(), Cmd.action(h, "userdel", "-r", cur.name())));
        }
        return List.of(Step.of(what, Cmd.action(h, "userdel", cur.name()), restore));
    }

    private List<String> notes(List<Step> steps) {
        List<String> notes = new ArrayList<>();
        if (!present && !steps.isEmpty()) {
            notes.add("rollback recreates " + spec.name() + " with its uid, groups, GECOS, home path, shell and lock state; "
                    + "the password hash is not kept in the journal, so a restored account has no password");
        }
        return notes;
    }



}
