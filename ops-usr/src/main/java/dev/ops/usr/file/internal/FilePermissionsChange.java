package dev.ops.usr.file.internal;

import dev.ops.core.Ops;
import dev.ops.core.change.Change;
import dev.ops.core.change.Planned;
import dev.ops.core.change.Step;
import dev.ops.core.change.internal.HostChange;
import dev.ops.core.error.NotFoundException;
import dev.ops.core.error.ValidationException;
import dev.ops.core.error.Violations;
import dev.ops.core.host.Command;
import dev.ops.core.host.CommandResult;
import dev.ops.core.host.Host;
import dev.ops.core.text.AsciiNumbers;
import dev.ops.usr.account.AccountNames;
import dev.ops.usr.account.GroupEntry;
import dev.ops.usr.account.PasswdEntry;
import dev.ops.usr.account.internal.AccountReader;
import dev.ops.usr.file.AclEntry;
import dev.ops.usr.file.FileAccess;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Mode, owner, group and ACL of a path (and, when recursive, of everything under it but symlinks) brought to what was asked. */
public final class FilePermissionsChange extends HostChange<List<FileAccess>, Void> {
    private final String path;
    private final String owner;
    private final String group;
    private final String mode;
    private final String directoryMode;
    private final boolean clearAcl;
    private final List<String> remove;
    private final List<String> set;
    private final boolean recursive;

    private FilePermissionsChange(Host host, Ops ops, PathSpec spec) {
        super(host, ops);
        String path = spec.path();
        this.path = path != null && path.length() > 1 && path.endsWith("/") ? path.replaceAll("/+$", "") : path;
        this.owner = spec.owner();
        this.group = spec.group();
        this.mode = spec.mode();
        this.directoryMode = spec.directoryMode();
        this.clearAcl = spec.clearAcl();
        this.remove = spec.remove();
        this.set = spec.set();
        this.recursive = spec.recursive();
    }

    /** The change that brings the permissions of {@code spec}'s path to it; yields the path's access (and that below it, when recursive). */
    public static Change<List<FileAccess>> of(Host host, Ops ops, PathSpec spec) {
        return new FilePermissionsChange(host, ops, spec);
    }

    @Override
    public String description() {
        return "permissions of " + path + (recursive ? " (recursive)" : "") + " on " + host.name();
    }

    @Override
    protected void validate(Violations v) {
        checkPath(v, path);
        if (owner != null) {
            checkRef(v, "owner", owner);
        }
        if (group != null) {
            checkRef(v, "group", group);
        }
        checkMode(v, "mode", mode);
        checkMode(v, "directoryMode", directoryMode);
        v.check(directoryMode == null || recursive, "directoryMode", "only applies to recursive changes (use mode for one path)");
        for (int i = 0; i < set.size(); i++) {
            AclEntry e = parse(v, "acl[" + i + "]", set.get(i));
            if (e != null && e.isNamed()) {
                checkRef(v, "acl[" + i + "]", e.qualifier());
            }
        }
        for (int i = 0; i < remove.size(); i++) {
            AclEntry e = parse(v, "removeAcl[" + i + "]", withPerms(remove.get(i)));
            v.check(e == null || e.isNamed(), "removeAcl[" + i + "]", "'" + remove.get(i) + "': only named user and group entries can be removed");
            if (e != null && e.isNamed()) {
                checkRef(v, "removeAcl[" + i + "]", e.qualifier());
            }
        }
        v.check(owner != null || group != null || mode != null || directoryMode != null || clearAcl || !remove.isEmpty() || !set.isEmpty(),
                "change", "nothing asked: set a mode, owner, group or ACL entries");
    }

    /** Adds a violation of {@code path} unless it is an absolute path without NUL (a NUL is reported here, not as some command's argv). */
    public static void checkPath(Violations v, String path) {
        v.check(path != null && path.startsWith("/") && path.indexOf('\0') < 0, "path",
                "'" + (path == null ? null : path.replace("\0", "\\0")) + "' must be an absolute path without NUL");
    }

    private static String withPerms(String text) {
        String t = text.startsWith("default:") ? text.substring(8) : text.startsWith("d:") ? text.substring(2) : text;
        return t.split(":", -1).length == 2 ? text + ":---" : text;
    }

    private static AclEntry parse(Violations v, String field, String text) {
        try {
            return AclEntry.parse(text);
        } catch (ValidationException e) {
            v.addAll(field, e.violations());
            return null;
        }
    }

    private static void checkRef(Violations v, String field, String ref) {
        if (!AsciiNumbers.isDigits(ref)) {
            AccountNames.check(v, field, ref);
        } else if (ref.length() > 10) {
            v.add(field, "'" + ref + "' is not a valid id (0 to 4294967294)");
        } else {
            AccountNames.checkId(v, field, AsciiNumbers.parseLong(ref));
        }
    }

    private static void checkMode(Violations v, String field, String m) {
        v.check(m == null || m.matches("0?[0-7]{3,4}") && AsciiNumbers.parseInt(m, 8) <= 07777, field, "'" + m + "' must be an octal mode such as 0750");
    }

    private record Node(FileAccess access, boolean directory) {}

    private List<Node> read() {
        List<String> find = new ArrayList<>(List.of("find", path));
        if (!recursive) {
            find.addAll(List.of("-maxdepth", "0"));
        }
        find.addAll(List.of("-printf", "%y %p\\0"));
        CommandResult found = host.run(Command.of(find).asRoot());
        if (!found.ok()) {
            throw new NotFoundException("path " + path, "cannot be read on " + host.name() + ": " + found.stderrTail().strip());
        }
        Map<String, Character> types = new HashMap<>();
        for (String rec : found.stdoutText().split("\0")) {
            if (rec.length() > 2) {
                types.put(rec.substring(2), rec.charAt(0));
            }
        }
        if (Character.valueOf('l').equals(types.get(path))) {
            Violations.of(description()).add("path", path + " is a symbolic link; name the path it points to (links are never followed)")
                    .throwIfAny();
        }
        List<String> getfacl = new ArrayList<>(List.of("getfacl", "-n", "-p", "-P"));
        if (recursive) {
            getfacl.add("-R");
        }
        getfacl.addAll(List.of("--", path));
        CommandResult acl = host.run(Command.builder().addAllArgv(getfacl).putEnv("LC_ALL", "C").sudo(true).build()).orThrow();
        List<Node> out = new ArrayList<>();
        for (FileAccess a : FileAccess.parseAll(acl.stdoutText())) {
            Character t = types.get(a.path());
            if (t != null && t != 'l') {
                out.add(new Node(a, t == 'd'));
            }
        }
        return out;
    }

    private Desired resolve() {
        AccountReader reader = new AccountReader(host);
        Set<String> missingUsers = new LinkedHashSet<>();
        Set<String> missingGroups = new LinkedHashSet<>();
        Long uid = owner == null ? null : userId(reader, owner, missingUsers);
        Long gid = group == null ? null : groupId(reader, group, missingGroups);
        List<AclEntry> sets = new ArrayList<>();
        for (String s : set) {
            sets.add(resolveEntry(reader, AclEntry.parse(s), missingUsers, missingGroups));
        }
        List<AclEntry> removes = new ArrayList<>();
        for (String r : remove) {
            removes.add(resolveEntry(reader, AclEntry.parse(withPerms(r)), missingUsers, missingGroups));
        }
        List<String> missing = new ArrayList<>();
        missingUsers.forEach(u -> missing.add("user " + u));
        missingGroups.forEach(g -> missing.add("group " + g));
        if (!missing.isEmpty()) {
            throw new NotFoundException(String.join(", ", missing), "does not exist on " + host.name());
        }
        return new Desired(uid, gid, mode == null ? null : AsciiNumbers.parseInt(mode, 8), directoryMode == null ? null : AsciiNumbers.parseInt(directoryMode, 8),
                clearAcl, removes, sets);
    }

    private static AclEntry resolveEntry(AccountReader reader, AclEntry e, Set<String> missingUsers, Set<String> missingGroups) {
        if (!e.isNamed()) {
            return e;
        }
        Long id = e.tag() == AclEntry.Tag.USER ? userId(reader, e.qualifier(), missingUsers) : groupId(reader, e.qualifier(), missingGroups);
        return id == null ? e : e.withQualifier(Long.toString(id));
    }

    private static Long userId(AccountReader reader, String ref, Set<String> missing) {
        if (AsciiNumbers.isDigits(ref)) {
            return AsciiNumbers.parseLong(ref);
        }
        Optional<PasswdEntry> u = reader.user(ref);
        if (u.isEmpty()) {
            missing.add(ref);
            return null;
        }
        return u.get().uid();
    }

    private static Long groupId(AccountReader reader, String ref, Set<String> missing) {
        if (AsciiNumbers.isDigits(ref)) {
            return AsciiNumbers.parseLong(ref);
        }
        Optional<GroupEntry> g = reader.group(ref);
        if (g.isEmpty()) {
            missing.add(ref);
            return null;
        }
        return g.get().gid();
    }

    @Override
    protected Planned<Void> planSteps() {
        List<Step> steps = steps();
        return Planned.of(steps);
    }

    private List<Step> steps() {
        Desired d = resolve();
        List<Node> nodes = read();
        if (!recursive && !nodes.isEmpty() && !nodes.get(0).directory() && d.set().stream().anyMatch(AclEntry::isDefault)) {
            Violations.of(description()).add("acl", path + " is not a directory, so it cannot have default ACL entries").throwIfAny();
        }
        StringBuilder before = new StringBuilder();
        StringBuilder after = new StringBuilder();
        List<String> lines = new ArrayList<>();
        for (Node n : nodes) {
            FileAccess next = AclModel.apply(n.access(), d, n.directory());
            if (!next.equals(n.access())) {
                before.append(n.access().render());
                after.append(next.render());
                lines.add(n.access().path() + ": " + n.access().summary() + " -> " + next.summary());
            }
        }
        if (lines.isEmpty()) {
            return List.of();
        }
        String h = host.name();
        return List.of(Step.of("set owner, mode and ACL of " + lines.size() + " path(s) under " + path,
                new RestoreAclAction(h, after.toString(), String.join("\n", lines)), new RestoreAclAction(h, before.toString(), "")));
    }



    @Override
    protected List<FileAccess> result(Void context) {
        return read().stream().map(Node::access).toList();
    }

    /** The current state of {@code path} on {@code host} (not following a final symlink). */
    public static FileAccess current(Host host, String path) {
        Violations v = Violations.of("path on " + host.name());
        checkPath(v, path);
        v.throwIfAny();
        CommandResult r = host.run(Command.builder().addArgv("getfacl", "-n", "-p", "-P", "--", path).putEnv("LC_ALL", "C").sudo(true).build());
        if (!r.ok()) {
            throw new NotFoundException("path " + path, "cannot be read on " + host.name() + ": " + r.stderrTail().strip());
        }
        return FileAccess.parseAll(new String(r.stdout(), StandardCharsets.UTF_8)).get(0);
    }

    /** The current state of {@code path} on {@code host}, or empty when nothing is there (not even a dangling symlink). */
    public static Optional<FileAccess> find(Host host, String path) {
        try {
            return Optional.of(current(host, path));
        } catch (NotFoundException e) {
            CommandResult there = host.run(Command.builder().addArgv("sh", "-c", "[ -e \"$1\" ] || [ -L \"$1\" ]", "sh", path).sudo(true).build());
            if (there.ok()) {
                throw e;
            }
            return Optional.empty();
        }
    }
}
