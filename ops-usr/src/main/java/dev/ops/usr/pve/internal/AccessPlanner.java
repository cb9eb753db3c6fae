package dev.ops.usr.pve.internal;

import dev.ops.core.Ops;
import dev.ops.core.change.Change;
import dev.ops.core.change.Plan;
import dev.ops.core.change.Planned;
import dev.ops.core.change.Step;
import dev.ops.core.error.NotFoundException;
import dev.ops.core.error.Violations;
import dev.ops.core.secret.Secret;
import dev.ops.pve.PveClient;
import dev.ops.proxmox.change.ApiCallAction;
import dev.ops.usr.pve.PveAclEntry;
import dev.ops.usr.pve.PveAclEntry.PrincipalType;
import dev.ops.usr.pve.PveGroup;
import dev.ops.usr.pve.PveToken;
import dev.ops.usr.pve.PveUser;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;

/** Turns the desired state of users, groups, tokens and ACL entries into steps of Proxmox calls, with their undo. */
public final class AccessPlanner {
    private static final String USERS = "/access/users";
    private static final String USER = "/access/users/{userid}";
    private static final String GROUPS = "/access/groups";
    private static final String GROUP = "/access/groups/{groupid}";
    private static final String TOKEN = "/access/users/{userid}/token/{tokenid}";
    private static final String ACL = "/access/acl";

    private final PveClient client;
    private final Ops ops;
    private final AccessReader read;

    public AccessPlanner(PveClient client, Ops ops) {
        this.client = Objects.requireNonNull(client, "client");
        this.ops = Objects.requireNonNull(ops, "ops");
        this.read = new AccessReader(client);
    }

    public AccessReader reader() {
        return read;
    }

    /** The desired user; null fields are left as they are. {@code expire} is epoch seconds, 0 for never. */
    public record UserSpec(String userid, String email, String firstName, String lastName, String comment, List<String> groups,
            Boolean enabled, Long expire, Secret password) {}

    /** The desired token; null fields are left as they are. {@code expire} is epoch seconds, 0 for never. */
    public record TokenSpec(String userid, String tokenid, Boolean privsep, String comment, Long expire) {}

    /** The desired ACL entries: every role for every principal on the path. */
    public record AclSpec(String path, List<String> roles, List<Principal> principals, boolean propagate) {}

    /** A principal of an ACL entry. */
    public record Principal(PrincipalType type, String id) {}

    // ---- users ---------------------------------------------------------------------------------

    public Change<PveUser> userPresent(UserSpec s) {
        return change("user " + s.userid() + " present", v -> validateUser(v, s), () -> {
            Optional<PveUser> cur = read.user(s.userid());
            requireGroups(s.groups(), cur.map(PveUser::groups).orElse(List.of()));
            if (cur.isEmpty()) {
                Map<String, Object> p = new LinkedHashMap<>();
                p.put("userid", s.userid());
                putText(p, "email", s.email());
                putText(p, "firstname", s.firstName());
                putText(p, "lastname", s.lastName());
                putText(p, "comment", s.comment());
                if (s.groups() != null && !s.groups().isEmpty()) {
                    p.put("groups", String.join(",", new TreeSet<>(s.groups())));
                }
                p.put("enable", s.enabled());
                p.put("expire", s.expire());
                p.put("password", s.password());
                return planned(List.of(Step.of("create user " + s.userid(), call("POST", USERS, p),
                        call("DELETE", USER, Map.of("userid", s.userid())))), List.of());
            }
            PveUser u = cur.get();
            Map<String, Object> set = new LinkedHashMap<>();
            Map<String, Object> undo = new LinkedHashMap<>();
            diffText(set, undo, "email", s.email(), u.email());
            diffText(set, undo, "firstname", s.firstName(), u.firstName());
            diffText(set, undo, "lastname", s.lastName(), u.lastName());
            diffText(set, undo, "comment", s.comment(), u.comment());
            if (s.groups() != null && !new TreeSet<>(s.groups()).equals(new TreeSet<>(u.groups()))) {
                set.put("groups", String.join(",", new TreeSet<>(s.groups())));
                undo.put("groups", String.join(",", u.groups()));
            }
            if (s.enabled() != null && s.enabled() != u.enabled()) {
                set.put("enable", s.enabled());
                undo.put("enable", u.enabled());
            }
            long curExpire = u.expire().map(Instant::getEpochSecond).orElse(0L);
            if (s.expire() != null && s.expire() != curExpire) {
                set.put("expire", s.expire());
                undo.put("expire", curExpire);
            }
            List<String> notes = new ArrayList<>();
            if (s.password() != null) {
                notes.add("the password is only set when the user is created; " + s.userid() + " exists, so its password stays as it is");
            }
            if (set.isEmpty()) {
                return Planned.none(null);
            }
            set.put("userid", s.userid());
            undo.put("userid", s.userid());
            return planned(List.of(Step.of("update user " + s.userid() + " (" + String.join(", ", fields(set)) + ")",
                    call("PUT", USER, set), call("PUT", USER, undo))), notes);
        }, () -> read.user(s.userid()).orElseThrow(() -> new NotFoundException("user " + s.userid(), "not found after apply")));
    }

    public Change<Boolean> userAbsent(String userid) {
        return change("user " + userid + " absent", v -> AccessIds.userid(v, "userid", userid), () -> {
            Optional<PveUser> cur = read.user(userid);
            if (cur.isEmpty()) {
                return Planned.none(null);
            }
            PveUser u = cur.get();
            List<ApiCallAction> back = new ArrayList<>();
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("userid", userid);
            u.email().ifPresent(x -> p.put("email", x));
            u.firstName().ifPresent(x -> p.put("firstname", x));
            u.lastName().ifPresent(x -> p.put("lastname", x));
            u.comment().ifPresent(x -> p.put("comment", x));
            if (!u.groups().isEmpty()) {
                p.put("groups", String.join(",", u.groups()));
            }
            p.put("enable", u.enabled());
            u.expire().ifPresent(x -> p.put("expire", x.getEpochSecond()));
            back.add(call("POST", USERS, p));
            List<PveAclEntry> acl = read.acl().stream().filter(e -> e.type() == PrincipalType.USER && e.principal().equals(userid)).toList();
            acl.forEach(e -> back.add(grant(e, e.propagate())));
            List<String> notes = new ArrayList<>();
            notes.add("rollback recreates " + userid + " with its fields, groups and " + acl.size()
                    + " ACL entr" + (acl.size() == 1 ? "y" : "ies") + ", but not its password, which Proxmox never returns");
            if (!u.tokens().isEmpty()) {
                notes.add("deleting " + userid + " also deletes its API tokens " + u.tokens()
                        + " and their ACL entries; rollback cannot bring them back (their secrets are gone)");
            }
            return planned(List.of(Step.of("delete user " + userid, call("DELETE", USER, Map.of("userid", userid)),
                    new CallSequenceAction(client.name(), back))), notes);
        }, () -> read.user(userid).isEmpty());
    }

    private static void validateUser(Violations v, UserSpec s) {
        AccessIds.userid(v, "userid", s.userid());
        if (s.email() != null && !s.email().isEmpty()) {
            v.check(s.email().length() <= 254, "email", "is longer than 254 characters");
            v.check(AccessIds.EMAIL.matcher(s.email()).matches(), "email", "'" + s.email() + "' is not an e-mail address");
        }
        AccessIds.text(v, "firstName", s.firstName(), 1024);
        AccessIds.text(v, "lastName", s.lastName(), 1024);
        AccessIds.text(v, "comment", s.comment(), 2048);
        if (s.groups() != null) {
            for (int i = 0; i < s.groups().size(); i++) {
                AccessIds.groupid(v, "groups[" + i + "]", s.groups().get(i));
            }
        }
        if (s.expire() != null) {
            v.check(s.expire() >= 0, "expire", "must not be before 1970");
        }
        if (s.password() != null) {
            int n = s.password().reveal().length();
            v.check(n >= 8 && n <= 64, "password", "must be 8 to 64 characters long");
        }
    }

    // ---- groups --------------------------------------------------------------------------------

    public Change<PveGroup> groupPresent(String groupid, String comment) {
        return change("group " + groupid + " present", v -> {
            AccessIds.groupid(v, "groupid", groupid);
            AccessIds.text(v, "comment", comment, 2048);
        }, () -> {
            Optional<PveGroup> cur = read.group(groupid);
            if (cur.isEmpty()) {
                Map<String, Object> p = new LinkedHashMap<>();
                p.put("groupid", groupid);
                putText(p, "comment", comment);
                return planned(List.of(Step.of("create group " + groupid, call("POST", GROUPS, p),
                        call("DELETE", GROUP, Map.of("groupid", groupid)))), List.of());
            }
            if (comment == null || comment.equals(cur.get().comment().orElse(""))) {
                return Planned.none(null);
            }
            return planned(List.of(Step.of("update group " + groupid + " (comment)",
                    call("PUT", GROUP, Map.of("groupid", groupid, "comment", comment)),
                    call("PUT", GROUP, Map.of("groupid", groupid, "comment", cur.get().comment().orElse(""))))), List.of());
        }, () -> read.group(groupid).orElseThrow(() -> new NotFoundException("group " + groupid, "not found after apply")));
    }

    public Change<Boolean> groupAbsent(String groupid) {
        return change("group " + groupid + " absent", v -> AccessIds.groupid(v, "groupid", groupid), () -> {
            Optional<PveGroup> cur = read.group(groupid);
            if (cur.isEmpty()) {
                return Planned.none(null);
            }
            List<ApiCallAction> back = new ArrayList<>();
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("groupid", groupid);
            cur.get().comment().ifPresent(c -> p.put("comment", c));
            back.add(call("POST", GROUPS, p));
            for (String member : cur.get().members()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("userid", member);
                m.put("groups", groupid);
                m.put("append", true);
                back.add(call("PUT", USER, m));
            }
            List<PveAclEntry> acl = read.acl().stream().filter(e -> e.type() == PrincipalType.GROUP && e.principal().equals(groupid)).toList();
            acl.forEach(e -> back.add(grant(e, e.propagate())));
            List<String> notes = List.of("Proxmox also drops the group's " + acl.size() + " ACL entr" + (acl.size() == 1 ? "y" : "ies")
                    + " and its membership of " + cur.get().members().size() + " user(s); rollback restores both");
            return planned(List.of(Step.of("delete group " + groupid, call("DELETE", GROUP, Map.of("groupid", groupid)),
                    new CallSequenceAction(client.name(), back))), notes);
        }, () -> read.group(groupid).isEmpty());
    }

    // ---- tokens --------------------------------------------------------------------------------

    public Change<PveToken> tokenPresent(TokenSpec s) {
        String handoff = TokenSecrets.newHandoff();
        String full = s.userid() + "!" + s.tokenid();
        Change<PveToken> inner = change("API token " + full + " present", v -> {
            AccessIds.userid(v, "userid", s.userid());
            AccessIds.tokenid(v, "tokenid", s.tokenid());
            AccessIds.text(v, "comment", s.comment(), 2048);
            if (s.expire() != null) {
                v.check(s.expire() >= 0, "expire", "must not be before 1970");
            }
        }, () -> {
            Map<String, Object> id = Map.of("userid", s.userid(), "tokenid", s.tokenid());
            Optional<PveToken> cur = read.token(s.userid(), s.tokenid());
            if (cur.isEmpty()) {
                if (read.user(s.userid()).isEmpty()) {
                    throw new NotFoundException("user " + s.userid(), "does not exist, so it cannot own API token " + s.tokenid()
                            + "; make the user present first");
                }
                Map<String, Object> p = new LinkedHashMap<>(id);
                p.put("privsep", s.privsep());
                putText(p, "comment", s.comment());
                p.put("expire", s.expire());
                return planned(List.of(Step.of("create API token " + full,
                        new CreateTokenAction(call("POST", TOKEN, p), handoff), call("DELETE", TOKEN, id))),
                        List.of("the new token's secret is handed back once, in the value of this apply (PveToken.secret()); "
                                + "Proxmox never shows it again"));
            }
            PveToken t = cur.get();
            Map<String, Object> set = new LinkedHashMap<>(id);
            Map<String, Object> undo = new LinkedHashMap<>(id);
            List<String> del = new ArrayList<>();
            List<String> undoDel = new ArrayList<>();
            if (s.privsep() != null && s.privsep() != t.privilegeSeparation()) {
                set.put("privsep", s.privsep());
                undo.put("privsep", t.privilegeSeparation());
            }
            if (s.comment() != null && !s.comment().equals(t.comment().orElse(""))) {
                if (s.comment().isEmpty()) {
                    del.add("comment");
                } else {
                    set.put("comment", s.comment());
                }
                if (t.comment().isPresent()) {
                    undo.put("comment", t.comment().get());
                } else {
                    undoDel.add("comment");
                }
            }
            long curExpire = t.expire().map(Instant::getEpochSecond).orElse(0L);
            if (s.expire() != null && s.expire() != curExpire) {
                set.put("expire", s.expire());
                undo.put("expire", curExpire);
            }
            if (set.size() == id.size() && del.isEmpty()) {
                return Planned.none(null);
            }
            List<String> changed = new ArrayList<>(fields(set));
            changed.addAll(del);
            if (!del.isEmpty()) {
                set.put("delete", String.join(",", del));
            }
            if (!undoDel.isEmpty()) {
                undo.put("delete", String.join(",", undoDel));
            }
            return planned(List.of(Step.of("update API token " + full + " (" + String.join(", ", changed) + ")",
                    call("PUT", TOKEN, set), call("PUT", TOKEN, undo))), List.of());
        }, () -> {
            Optional<Secret> secret = TokenSecrets.take(handoff);
            PveToken t = read.token(s.userid(), s.tokenid())
                    .orElseThrow(() -> new NotFoundException("API token " + full, "not found after apply"));
            return t.toBuilder().secret(secret).build();
        });
        return new HandoffChange<>(inner, handoff);
    }

    public Change<Boolean> tokenAbsent(String userid, String tokenid) {
        String full = userid + "!" + tokenid;
        return change("API token " + full + " absent", v -> {
            AccessIds.userid(v, "userid", userid);
            AccessIds.tokenid(v, "tokenid", tokenid);
        }, () -> read.token(userid, tokenid).isEmpty() ? Planned.none(null)
                : planned(List.of(Step.irreversible("delete API token " + full,
                        call("DELETE", TOKEN, Map.of("userid", userid, "tokenid", tokenid)))),
                        List.of("a deleted token's secret cannot come back, so rollback does not recreate " + full
                                + "; Proxmox also drops its ACL entries")),
                () -> read.token(userid, tokenid).isEmpty());
    }

    // ---- ACLs ----------------------------------------------------------------------------------

    public Change<List<PveAclEntry>> aclPresent(AclSpec s) {
        return change("ACL " + describe(s) + " present", v -> validateAcl(v, s), () -> {
            List<PveAclEntry> current = read.acl();
            List<Step> steps = new ArrayList<>();
            for (PveAclEntry want : wanted(s)) {
                Optional<PveAclEntry> have = current.stream().filter(want::sameGrant).findFirst();
                if (have.isEmpty()) {
                    steps.add(Step.of("grant " + want.role() + " on " + want.path() + " to " + want.type().wire() + " " + want.principal(),
                            grant(want, want.propagate()), revoke(want)));
                } else if (have.get().propagate() != want.propagate()) {
                    steps.add(Step.of("set propagate=" + (want.propagate() ? 1 : 0) + " of " + want.role() + " on " + want.path() + " for "
                            + want.type().wire() + " " + want.principal(), grant(want, want.propagate()), grant(want, have.get().propagate())));
                }
            }
            return planned(steps, List.of());
        }, () -> {
            List<PveAclEntry> wanted = wanted(s);
            return read.acl().stream().filter(e -> wanted.stream().anyMatch(e::sameGrant)).toList();
        });
    }

    public Change<Boolean> aclAbsent(AclSpec s) {
        return change("ACL " + describe(s) + " absent", v -> validateAcl(v, s), () -> {
            List<PveAclEntry> current = read.acl();
            List<Step> steps = new ArrayList<>();
            for (PveAclEntry want : wanted(s)) {
                current.stream().filter(want::sameGrant).findFirst().ifPresent(have -> steps.add(Step.of("revoke " + have.role() + " on "
                        + have.path() + " from " + have.type().wire() + " " + have.principal(), revoke(have), grant(have, have.propagate()))));
            }
            return planned(steps, List.of());
        }, () -> {
            List<PveAclEntry> wanted = wanted(s);
            return read.acl().stream().noneMatch(e -> wanted.stream().anyMatch(e::sameGrant));
        });
    }

    private static void validateAcl(Violations v, AclSpec s) {
        AccessIds.aclPath(v, "path", s.path());
        v.check(!s.roles().isEmpty(), "roles", "name one role at least");
        for (int i = 0; i < s.roles().size(); i++) {
            AccessIds.roleid(v, "roles[" + i + "]", s.roles().get(i));
        }
        v.check(!s.principals().isEmpty(), "principals", "name one user, group or token at least");
        for (Principal p : s.principals()) {
            String field = p.type().parameter();
            switch (p.type()) {
                case USER -> AccessIds.userid(v, field, p.id());
                case GROUP -> AccessIds.groupid(v, field, p.id());
                case TOKEN -> AccessIds.fullTokenId(v, field, p.id());
                default -> throw new IllegalStateException();
            }
        }
    }

    private static List<PveAclEntry> wanted(AclSpec s) {
        List<PveAclEntry> out = new ArrayList<>();
        for (String role : s.roles()) {
            for (Principal p : s.principals()) {
                out.add(new PveAclEntry(s.path(), p.type(), p.id(), role, s.propagate()));
            }
        }
        return out;
    }

    private static String describe(AclSpec s) {
        return String.join(",", s.roles()) + " on " + s.path() + " for "
                + String.join(",", s.principals().stream().map(p -> p.type().wire() + " " + p.id()).toList());
    }

    private ApiCallAction grant(PveAclEntry e, boolean propagate) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("path", e.path());
        p.put("roles", e.role());
        p.put(e.type().parameter(), e.principal());
        p.put("propagate", propagate);
        return call("PUT", ACL, p);
    }

    private ApiCallAction revoke(PveAclEntry e) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("path", e.path());
        p.put("roles", e.role());
        p.put(e.type().parameter(), e.principal());
        p.put("delete", true);
        return call("PUT", ACL, p);
    }

    // ---- helpers -------------------------------------------------------------------------------

    private static void putText(Map<String, Object> p, String key, String value) {
        if (value != null && !value.isEmpty()) {
            p.put(key, value);
        }
    }

    private static void diffText(Map<String, Object> set, Map<String, Object> undo, String key, String want, Optional<String> have) {
        if (want != null && !want.equals(have.orElse(""))) {
            set.put(key, want);
            undo.put(key, have.orElse(""));
        }
    }

    private static List<String> fields(Map<String, Object> params) {
        return params.keySet().stream().filter(k -> !List.of("userid", "tokenid", "groupid").contains(k)).toList();
    }

    private ApiCallAction call(String method, String template, Map<String, ?> params) {
        return ApiCallAction.of(client, method, template, params, false, false);
    }

    /** The groups a user is to join must exist: a typed not-found error at plan time names those that do not. */
    private void requireGroups(List<String> wanted, List<String> held) {
        if (wanted == null) {
            return;
        }
        List<String> missing = wanted.stream().filter(g -> !held.contains(g)).filter(g -> read.group(g).isEmpty()).sorted().toList();
        if (!missing.isEmpty()) {
            throw new NotFoundException("group" + (missing.size() == 1 ? " " : "s ") + String.join(", ", missing),
                    "does not exist, so no user can be added to it (create it first)");
        }
    }

    private static Planned<Void> planned(List<Step> steps, List<String> notes) {
        return new Planned<>(steps, notes, null);
    }

    private <T> Change<T> change(String description, java.util.function.Consumer<Violations> validation,
            java.util.function.Supplier<Planned<Void>> planner, java.util.function.Supplier<T> result) {
        return new AccessChange<>(ops, client, description, validation, planner, result);
    }
}
