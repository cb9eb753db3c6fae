package dev.ops.usr.account;

import dev.ops.core.Ops;
import dev.ops.core.change.Change;
import dev.ops.core.error.Violations;
import dev.ops.core.host.Host;
import dev.ops.usr.account.internal.AccountReader;
import dev.ops.usr.account.internal.GroupChange;
import dev.ops.usr.account.internal.GroupSpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The local groups of a host: read them, and make one present or absent with
 * {@code groupadd}, {@code groupmod}, {@code groupdel} and {@code gpasswd}.
 *
 * <pre>{@code
 * Change<Group> change = Groups.on(host, ops).group("deploy").gid(2000).members("alice").present();
 * }</pre>
 */
public final class Groups {
    private final Host host;
    private final Ops ops;

    private Groups(Host host, Ops ops) {
        this.host = Objects.requireNonNull(host, "host");
        this.ops = Objects.requireNonNull(ops, "ops");
    }

    /** The groups of {@code host}, changed in the given runtime. */
    public static Groups on(Host host, Ops ops) {
        return new Groups(host, ops);
    }

    /** A group to describe with the fluent builder and end with {@code present()} or {@code absent()}. */
    public GroupBuilder group(String name) {
        return new GroupBuilder(name);
    }

    /** The group as the host sees it now, if it exists. */
    public Optional<Group> get(String name) {
        Violations v = Violations.of("group");
        AccountNames.checkLookup(v, "name", name);
        v.throwIfAny();
        return new AccountReader(host).group(name).map(e -> new Group(e.name(), e.gid(), List.copyOf(new TreeSet<>(e.members()))));
    }

    /** Every group entry the host knows ({@code getent group}). */
    public List<GroupEntry> list() {
        return new AccountReader(host).groups();
    }

    /** Describes one group; only what is set is managed. */
    public final class GroupBuilder {
        private final String name;
        private Long gid;
        private List<String> members;
        private final List<String> withMembers = new ArrayList<>();
        private boolean system;

        private GroupBuilder(String name) {
            this.name = name;
        }

        /** The numeric group id. */
        public GroupBuilder gid(long gid) {
            this.gid = gid;
            return this;
        }

        /** Exactly these members: missing users are added, others removed. */
        public GroupBuilder members(String... users) {
            this.members = List.copyOf(Arrays.asList(users));
            return this;
        }

        /** At least these members: missing users are added, others kept. */
        public GroupBuilder withMembers(String... users) {
            this.withMembers.addAll(Arrays.asList(users));
            return this;
        }

        /** Creates a new group as a system group ({@code groupadd -r}). */
        public GroupBuilder system(boolean system) {
            this.system = system;
            return this;
        }

        /** The change that makes the group exist as described; its value is the group as it then is. */
        public Change<Group> present() {
            return GroupChange.present(host, ops, new GroupSpec(name, gid, members, withMembers, system));
        }

        /** The change that deletes the group; rollback recreates it with its gid and members. */
        public Change<Optional<Group>> absent() {
            return GroupChange.absent(host, ops, name);
        }
    }
}
