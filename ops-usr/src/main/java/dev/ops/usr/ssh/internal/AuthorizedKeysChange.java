package dev.ops.usr.ssh.internal;

import dev.ops.core.Ops;
import dev.ops.core.change.Change;
import dev.ops.core.change.CommandAction;
import dev.ops.core.change.Planned;
import dev.ops.core.change.Step;
import dev.ops.core.change.internal.HostChange;
import dev.ops.core.error.ConflictException;
import dev.ops.core.error.NotFoundException;
import dev.ops.core.error.ValidationException;
import dev.ops.core.error.Violations;
import dev.ops.core.host.Command;
import dev.ops.core.host.Host;
import dev.ops.usr.account.AccountNames;
import dev.ops.usr.account.PasswdEntry;
import dev.ops.usr.account.internal.AccountReader;
import dev.ops.usr.ssh.AuthorizedKey;
import dev.ops.usr.ssh.AuthorizedKeysFile;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Keys made present in (or absent from) a user's {@code ~/.ssh/authorized_keys}, with the file 0600 and the directory 0700, owned by the user. */
public final class AuthorizedKeysChange extends HostChange<List<AuthorizedKey>, Void> {
    private final String user;
    private final List<String> keyLines;
    private final List<AuthorizedKey> givenKeys;
    private final boolean present;
    private final boolean exclusive;

    private AuthorizedKeysChange(Host host, Ops ops, String user, List<String> keyLines, List<AuthorizedKey> givenKeys, boolean present,
            boolean exclusive) {
        super(host, ops);
        this.user = user;
        this.keyLines = List.copyOf(keyLines);
        this.givenKeys = List.copyOf(givenKeys);
        this.present = present;
        this.exclusive = exclusive;
    }

    /**
     * The change that makes the keys ({@code keyLines} parsed, and {@code givenKeys}) of {@code user}
     * present ({@code exclusive}: exactly these) or absent; yields the user's keys after apply.
     */
    public static Change<List<AuthorizedKey>> of(Host host, Ops ops, String user, List<String> keyLines, List<AuthorizedKey> givenKeys,
            boolean present, boolean exclusive) {
        return new AuthorizedKeysChange(host, ops, user, keyLines, givenKeys, present, exclusive);
    }

    @Override
    public String description() {
        int n = keyLines.size() + givenKeys.size();
        return (present ? (exclusive ? "exactly " : "") + n + " authorized key(s) present for " : n + " authorized key(s) absent for ")
                + user + " on " + host.name();
    }

    @Override
    protected void validate(Violations v) {
        AccountNames.check(v, "user", user);
        for (int i = 0; i < keyLines.size(); i++) {
            try {
                AuthorizedKey.parse(keyLines.get(i));
            } catch (ValidationException e) {
                v.addAll("keys[" + i + "]", e.violations());
            }
        }
    }

    private List<AuthorizedKey> keys() {
        List<AuthorizedKey> out = new ArrayList<>(givenKeys);
        keyLines.forEach(l -> out.add(AuthorizedKey.parse(l)));
        return out;
    }

    private record Paths(PasswdEntry user, String dir, String file) {}

    private Paths paths() {
        return paths(host, user);
    }

    private static Paths paths(Host host, String user) {
        PasswdEntry pw = new AccountReader(host).user(user)
                .orElseThrow(() -> new NotFoundException("user " + user, "does not exist on " + host.name()));
        String home = pw.home().endsWith("/") ? pw.home().substring(0, pw.home().length() - 1) : pw.home();
        return new Paths(pw, home + "/.ssh", home + "/.ssh/authorized_keys");
    }

    @Override
    protected Planned<Void> planSteps() {
        List<Step> steps = steps();
        return Planned.of(steps);
    }

    private List<Step> steps() {
        Paths p = paths();
        String h = host.name();
        long uid = p.user().uid();
        long gid = p.user().gid();
        String home = p.dir().substring(0, p.dir().length() - "/.ssh".length());
        Optional<PathStat> homeStat = PathStat.of(host, home.isEmpty() ? "/" : home);
        if (homeStat.isEmpty() || !homeStat.get().type().equals("directory")) {
            throw new NotFoundException("home " + home, "of user " + user + " is not a directory on " + h);
        }
        Optional<PathStat> dirStat = PathStat.of(host, p.dir());
        Optional<PathStat> fileStat = PathStat.of(host, p.file());
        dirStat.filter(s -> !s.type().equals("directory")).ifPresent(s -> {
            throw new ConflictException(p.dir(), "is a " + s.type() + ", not a directory; refusing to write through it", false);
        });
        fileStat.filter(s -> !s.type().equals("regular file") && !s.type().equals("regular empty file")).ifPresent(s -> {
            throw new ConflictException(p.file(), "is a " + s.type() + ", not a regular file; refusing to write through it", false);
        });
        byte[] oldBytes = fileStat.isEmpty() ? new byte[0] : host.readFile(p.file(), true).orElse(new byte[0]);
        AuthorizedKeysFile before = AuthorizedKeysFile.parse(oldBytes);
        if (!present || exclusive) {
            // removing keys from a file with a line ops cannot read could leave a key sshd still lets in
            before.requireReadable(p.file());
        }
        AuthorizedKeysFile after = before;
        List<AuthorizedKey> keys = keys();
        for (AuthorizedKey k : keys) {
            after = present ? after.with(k) : after.without(k);
        }
        if (present && exclusive) {
            after = after.retainOnly(keys);
        }
        byte[] newBytes = after.bytes();
        boolean contentChanges = !java.util.Arrays.equals(newBytes, oldBytes);
        List<Step> steps = new ArrayList<>();
        if (!present && (fileStat.isEmpty() || !contentChanges)) {
            return steps;
        }
        if (dirStat.isEmpty()) {
            steps.add(Step.of("create " + p.dir() + " (0700, owner " + uid + ":" + gid + ")",
                    root(h, "install", "-d", "-m", "0700", "-o", Long.toString(uid), "-g", Long.toString(gid), p.dir()),
                    root(h, "rmdir", p.dir())));
        } else {
            fixOwnerAndMode(steps, p.dir(), dirStat.get(), "0700", uid, gid);
        }
        if (contentChanges) {
            OwnedFileWriteAction write = new OwnedFileWriteAction(h, p.file(), newBytes, "0600", uid, gid, diff(before, after));
            // the undo puts back the very bytes, mode, owner and group that were there
            OwnedFileWriteAction undo = fileStat.map(s -> new OwnedFileWriteAction(h, p.file(), oldBytes, s.mode4(), s.uid(), s.gid(), ""))
                    .orElse(OwnedFileWriteAction.remove(h, p.file()));
            steps.add(Step.of((fileStat.isEmpty() ? "create " : "update ") + p.file(), write, undo));
        } else if (fileStat.isPresent()) {
            fixOwnerAndMode(steps, p.file(), fileStat.get(), "0600", uid, gid);
        }
        return steps;
    }

    private static String diff(AuthorizedKeysFile before, AuthorizedKeysFile after) {
        StringBuilder out = new StringBuilder();
        for (AuthorizedKeysFile.Line l : before.lines()) {
            if (!after.lines().contains(l)) {
                out.append("- ").append(summary(l)).append('\n');
            }
        }
        for (AuthorizedKeysFile.Line l : after.lines()) {
            if (!before.lines().contains(l)) {
                out.append("+ ").append(summary(l)).append('\n');
            }
        }
        return out.toString().stripTrailing();
    }

    private static String summary(AuthorizedKeysFile.Line l) {
        if (l.key() == null) {
            return dev.ops.usr.error.UnreadableLineException.preview(l.bytes());
        }
        if (l.kind() == AuthorizedKeysFile.Kind.REFUSED_KEY) {
            return l.key().type().wireName() + " " + l.key().fingerprint() + " (options sshd refuses: " + l.problem() + ")";
        }
        AuthorizedKey k = l.key();
        String opts = k.options().isEmpty() ? ""
                : k.options().stream().map(dev.ops.usr.ssh.KeyOption::render).collect(java.util.stream.Collectors.joining(",")) + " ";
        return opts + k.type().wireName() + " " + k.fingerprint() + (k.comment().isEmpty() ? "" : " " + k.comment());
    }

    private void fixOwnerAndMode(List<Step> steps, String path, PathStat s, String mode, long uid, long gid) {
        String h = host.name();
        if (s.uid() != uid || s.gid() != gid) {
            steps.add(Step.of("chown " + path + " from " + s.uid() + ":" + s.gid() + " to " + uid + ":" + gid,
                    root(h, "chown", "-h", uid + ":" + gid, path), root(h, "chown", "-h", s.uid() + ":" + s.gid(), path)));
        }
        if (!s.mode4().equals(mode)) {
            steps.add(Step.of("chmod " + path + " from " + s.mode4() + " to " + mode, root(h, "chmod", mode, path), root(h, "chmod", s.mode4(), path)));
        }
    }

    private static CommandAction root(String host, String... argv) {
        return CommandAction.of(host, Command.of(argv).asRoot());
    }



    @Override
    protected List<AuthorizedKey> result(Void context) {
        return read(host, user).keys();
    }

    /** The authorized_keys file of {@code user} on {@code host} as it is now (empty when missing). */
    public static AuthorizedKeysFile read(Host host, String user) {
        Violations v = Violations.of("authorized keys");
        AccountNames.checkLookup(v, "user", user);
        v.throwIfAny();
        Paths p = paths(host, user);
        return AuthorizedKeysFile.parse(host.readFile(p.file(), true).orElse(new byte[0]));
    }
}
