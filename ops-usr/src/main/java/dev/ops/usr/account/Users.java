package dev.ops.usr.account;

import dev.ops.core.Ops;
import dev.ops.core.change.Change;
import dev.ops.usr.account.internal.AccountReader;
import dev.ops.usr.account.internal.UserChange;
import dev.ops.usr.account.internal.UserSpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import dev.ops.core.error.Violations;
import dev.ops.core.host.Host;

/**
 * The local users of a host: read them, and make one present or absent with shadow-utils.
 *
 * <pre>{@code
 * Change<User> change = Users.on(host, ops).user("alice").uid(1050).groups("sudo").present();
 * change.plan();                       // e.g. [useradd -u 1050 -G sudo -d /home/alice -m alice]
 * Applied<User> done = change.apply();
 * done.rollback();                     // userdel -r alice
 * }</pre>
 */
public final class Users {
    private final Host host;
    private final Ops ops;

    private Users(Host host, Ops ops) {
        this.host = Objects.requireNonNull(host, "host");
        this.ops = Objects.requireNonNull(ops, "ops");
    }

    /** The users of {@code host}, changed in the given runtime. */
    public static Users on(Host host, Ops ops) {
        return new Users(host, ops);
    }

    /** A user to describe with the fluent builder and end with {@code present()} or {@code absent()}. */
    public UserBuilder user(String name) {
        return new UserBuilder(name);
    }

    /** The user as the host sees it now, if it exists. */
    public Optional<User> get(String name) {
        Violations v = Violations.of("user");
        AccountNames.checkLookup(v, "name", name);
        v.throwIfAny();
        return new AccountReader(host).readUser(name);
    }

    /** Every passwd entry the host knows ({@code getent passwd}). */
    public List<PasswdEntry> list() {
        return new AccountReader(host).users();
    }

    /** Describes one user; only what is set is managed, everything else is left as it is. */
    public final class UserBuilder {
        private final String name;
        private Long uid;
        private String primaryGroup;
        private List<String> groups;
        private final List<String> memberOf = new ArrayList<>();
        private String shell;
        private String home;
        private String gecos;
        private Boolean locked;
        private boolean createHome = true;
        private boolean system;
        private boolean removeHome;

        private UserBuilder(String name) {
            this.name = name;
        }

        /** The numeric user id. */
        public UserBuilder uid(long uid) {
            this.uid = uid;
            return this;
        }

        /** The primary group, by name or numeric gid (it must exist). */
        public UserBuilder primaryGroup(String group) {
            this.primaryGroup = group;
            return this;
        }

        /** Exactly these supplementary groups: missing ones are joined, others left. */
        public UserBuilder groups(String... groups) {
            this.groups = List.copyOf(Arrays.asList(groups));
            return this;
        }

        /** At least these supplementary groups: missing ones are joined, others kept. */
        public UserBuilder memberOf(String... groups) {
            this.memberOf.addAll(Arrays.asList(groups));
            return this;
        }

        /** The login shell (an absolute path). */
        public UserBuilder shell(String shell) {
            this.shell = shell;
            return this;
        }

        /** The home directory path (changing it does not move files). */
        public UserBuilder home(String home) {
            this.home = home;
            return this;
        }

        /** The GECOS field (full name and so on). */
        public UserBuilder gecos(String gecos) {
            this.gecos = gecos;
            return this;
        }

        /** Whether the password is locked ({@code usermod -L}) or not ({@code usermod -U}). */
        public UserBuilder locked(boolean locked) {
            this.locked = locked;
            return this;
        }

        /** Whether a new user's home directory is created from the skeleton (default true). */
        public UserBuilder createHome(boolean createHome) {
            this.createHome = createHome;
            return this;
        }

        /** Creates a new user as a system account ({@code useradd -r}). */
        public UserBuilder system(boolean system) {
            this.system = system;
            return this;
        }

        /** For {@link #absent()}: also remove the home directory and mail spool (cannot be undone). */
        public UserBuilder removeHome(boolean removeHome) {
            this.removeHome = removeHome;
            return this;
        }

        private UserSpec spec() {
            return new UserSpec(name, uid, primaryGroup, groups, List.copyOf(memberOf), shell, home, gecos, locked, createHome, system,
                    removeHome);
        }

        /** The change that makes the user exist as described; its value is the user as it then is. */
        public Change<User> present() {
            return UserChange.present(host, ops, spec());
        }

        /** The change that deletes the user; rollback recreates it with its uid, groups, GECOS, home path, shell and lock state. */
        public Change<Optional<User>> absent() {
            return UserChange.absent(host, ops, spec());
        }
    }
}
