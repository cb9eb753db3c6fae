package dev.ops.usr.pve;

import dev.ops.core.Ops;
import dev.ops.core.change.Change;
import dev.ops.core.secret.Secret;
import dev.ops.pve.PveClient;
import dev.ops.usr.pve.PveAclEntry.PrincipalType;
import dev.ops.usr.pve.internal.AccessPlanner;
import dev.ops.usr.pve.internal.AccessPlanner.Principal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Proxmox VE users, groups, API tokens and ACL entries as {@link Change}s, through an {@code ops-pve}
 * {@link PveClient}. Only what a builder sets is managed; everything else is left as it is. Plans
 * show the exact method, path and body (passwords masked); rollback sends the opposite calls.
 *
 * <pre>{@code
 * ProxmoxAccess access = ProxmoxAccess.on(client, ops);
 * access.group("ops").comment("operators").present().apply();
 * access.user("alice@pve").email("alice@example.org").groups("ops").password(Secret.of(pw)).present().apply();
 * Applied<PveToken> ci = access.token("alice@pve", "ci").privilegeSeparation(true).present().apply();
 * Secret secret = ci.value().secret().orElseThrow();   // shown once by Proxmox, masked everywhere
 * access.acl("/vms/100").role("PVEVMUser").token("alice@pve!ci").present().apply();
 * }</pre>
 *
 * <p>What rollback cannot restore, the plan says in its notes: a deleted user's password and API
 * tokens, a deleted token (its secret is gone). A token's secret reaches the caller only through the
 * value of the apply that created it; the journal holds a random hand-off id instead.
 */
public final class ProxmoxAccess {
    private final PveClient client;
    private final AccessPlanner planner;

    private ProxmoxAccess(PveClient client, Ops ops) {
        this.client = Objects.requireNonNull(client, "client");
        this.planner = new AccessPlanner(client, Objects.requireNonNull(ops, "ops"));
    }

    /** Access control of the cluster {@code client} talks to, changed in the given runtime. */
    public static ProxmoxAccess on(PveClient client, Ops ops) {
        return new ProxmoxAccess(client, ops);
    }

    /** The client this uses. */
    public PveClient client() {
        return client;
    }

    // ---- reads ---------------------------------------------------------------------------------

    /** The user as Proxmox has it now, if it exists. */
    public Optional<PveUser> findUser(String userid) {
        return planner.reader().user(userid);
    }

    /** The group as Proxmox has it now, if it exists. */
    public Optional<PveGroup> findGroup(String groupid) {
        return planner.reader().group(groupid);
    }

    /** The API token as Proxmox has it now (never with its secret), if it exists. */
    public Optional<PveToken> findToken(String userid, String tokenid) {
        return planner.reader().token(userid, tokenid);
    }

    /** Every ACL entry of the cluster. */
    public List<PveAclEntry> acl() {
        return planner.reader().acl();
    }

    // ---- builders ------------------------------------------------------------------------------

    /** A user ({@code name@realm}) to describe and end with {@code present()} or {@code absent()}. */
    public UserBuilder user(String userid) {
        return new UserBuilder(userid);
    }

    /** A group to describe and end with {@code present()} or {@code absent()}. */
    public GroupBuilder group(String groupid) {
        return new GroupBuilder(groupid);
    }

    /** The API token {@code tokenid} of {@code userid}, to describe and end with {@code present()} or {@code absent()}. */
    public TokenBuilder token(String userid, String tokenid) {
        return new TokenBuilder(userid, tokenid);
    }

    /** ACL entries on {@code path} (e.g. {@code /vms/100}): every role for every principal named. */
    public AclBuilder acl(String path) {
        return new AclBuilder(path);
    }

    /** Describes one user; only what is set is managed. */
    public final class UserBuilder {
        private final String userid;
        private String email;
        private String firstName;
        private String lastName;
        private String comment;
        private List<String> groups;
        private Boolean enabled;
        private Long expire;
        private Secret password;

        private UserBuilder(String userid) {
            this.userid = userid;
        }

        /** The e-mail address; {@code ""} clears it. */
        public UserBuilder email(String email) {
            this.email = Objects.requireNonNull(email, "email");
            return this;
        }

        /** The first name; {@code ""} clears it. */
        public UserBuilder firstName(String firstName) {
            this.firstName = Objects.requireNonNull(firstName, "firstName");
            return this;
        }

        /** The last name; {@code ""} clears it. */
        public UserBuilder lastName(String lastName) {
            this.lastName = Objects.requireNonNull(lastName, "lastName");
            return this;
        }

        /** The comment; {@code ""} clears it. */
        public UserBuilder comment(String comment) {
            this.comment = Objects.requireNonNull(comment, "comment");
            return this;
        }

        /** Exactly these groups (none: the user leaves every group). */
        public UserBuilder groups(String... groups) {
            return groups(Arrays.asList(groups));
        }

        /** Exactly these groups (empty: the user leaves every group). */
        public UserBuilder groups(List<String> groups) {
            this.groups = List.copyOf(groups);
            return this;
        }

        /** Whether the account may log in. */
        public UserBuilder enabled(boolean enabled) {
            this.enabled = enabled;
            return this;
        }

        /** When the account expires (whole seconds; Proxmox has no finer resolution). */
        public UserBuilder expire(Instant expire) {
            this.expire = Objects.requireNonNull(expire, "expire").getEpochSecond();
            return this;
        }

        /** The account never expires. */
        public UserBuilder neverExpires() {
            this.expire = 0L;
            return this;
        }

        /**
         * The initial password (Proxmox VE realm {@code pve}, 8 to 64 characters); it is set only when
         * the user is created, and never appears in a plan, the journal or an exception.
         */
        public UserBuilder password(Secret password) {
            this.password = Objects.requireNonNull(password, "password");
            return this;
        }

        /** The user exists with what was set: created with POST, or the differing fields updated with PUT. */
        public Change<PveUser> present() {
            return planner.userPresent(new AccessPlanner.UserSpec(userid, email, firstName, lastName, comment, groups, enabled, expire,
                    password));
        }

        /** The user does not exist; yields whether it is gone. Rollback recreates it without password and tokens. */
        public Change<Boolean> absent() {
            return planner.userAbsent(userid);
        }
    }

    /** Describes one group; only what is set is managed. */
    public final class GroupBuilder {
        private final String groupid;
        private String comment;

        private GroupBuilder(String groupid) {
            this.groupid = groupid;
        }

        /** The comment; {@code ""} clears it. */
        public GroupBuilder comment(String comment) {
            this.comment = Objects.requireNonNull(comment, "comment");
            return this;
        }

        /** The group exists with what was set. */
        public Change<PveGroup> present() {
            return planner.groupPresent(groupid, comment);
        }

        /** The group does not exist; yields whether it is gone. Rollback recreates it with its members and ACL entries. */
        public Change<Boolean> absent() {
            return planner.groupAbsent(groupid);
        }
    }

    /** Describes one API token; only what is set is managed. */
    public final class TokenBuilder {
        private final String userid;
        private final String tokenid;
        private Boolean privsep;
        private String comment;
        private Long expire;

        private TokenBuilder(String userid, String tokenid) {
            this.userid = userid;
            this.tokenid = tokenid;
        }

        /** Whether the token has its own ACLs (true, Proxmox's default) or the user's full privileges. */
        public TokenBuilder privilegeSeparation(boolean separate) {
            this.privsep = separate;
            return this;
        }

        /** The comment; {@code ""} clears it. */
        public TokenBuilder comment(String comment) {
            this.comment = Objects.requireNonNull(comment, "comment");
            return this;
        }

        /** When the token expires (whole seconds). */
        public TokenBuilder expire(Instant expire) {
            this.expire = Objects.requireNonNull(expire, "expire").getEpochSecond();
            return this;
        }

        /** The token never expires. */
        public TokenBuilder neverExpires() {
            this.expire = 0L;
            return this;
        }

        /**
         * The token exists with what was set. When this creates it, the applied value's
         * {@link PveToken#secret()} holds the secret, the only time Proxmox shows it; rollback deletes the token.
         */
        public Change<PveToken> present() {
            return planner.tokenPresent(new AccessPlanner.TokenSpec(userid, tokenid, privsep, comment, expire));
        }

        /** The token does not exist; yields whether it is gone. Cannot be undone (the secret cannot come back). */
        public Change<Boolean> absent() {
            return planner.tokenAbsent(userid, tokenid);
        }
    }

    /** Describes ACL entries on one path: every role for every principal named. */
    public final class AclBuilder {
        private final String path;
        private final List<String> roles = new ArrayList<>();
        private final List<Principal> principals = new ArrayList<>();
        private boolean propagate = true;

        private AclBuilder(String path) {
            this.path = path;
        }

        /** A role to grant, e.g. {@code PVEVMUser}. */
        public AclBuilder role(String role) {
            roles.add(Objects.requireNonNull(role, "role"));
            return this;
        }

        /** A user ({@code name@realm}) to grant the roles to. */
        public AclBuilder user(String userid) {
            principals.add(new Principal(PrincipalType.USER, Objects.requireNonNull(userid, "userid")));
            return this;
        }

        /** A group to grant the roles to. */
        public AclBuilder group(String groupid) {
            principals.add(new Principal(PrincipalType.GROUP, Objects.requireNonNull(groupid, "groupid")));
            return this;
        }

        /** An API token ({@code name@realm!tokenid}) to grant the roles to. */
        public AclBuilder token(String fullTokenId) {
            principals.add(new Principal(PrincipalType.TOKEN, Objects.requireNonNull(fullTokenId, "fullTokenId")));
            return this;
        }

        /** Whether the grants are inherited by the paths below (Proxmox's default: true). */
        public AclBuilder propagate(boolean propagate) {
            this.propagate = propagate;
            return this;
        }

        /** The entries exist (with this propagation); yields them as read back. Rollback revokes what was granted. */
        public Change<List<PveAclEntry>> present() {
            return planner.aclPresent(new AccessPlanner.AclSpec(path, List.copyOf(roles), List.copyOf(principals), propagate));
        }

        /** The entries do not exist; yields whether they are gone. Rollback grants them again. */
        public Change<Boolean> absent() {
            return planner.aclAbsent(new AccessPlanner.AclSpec(path, List.copyOf(roles), List.copyOf(principals), propagate));
        }
    }
}
