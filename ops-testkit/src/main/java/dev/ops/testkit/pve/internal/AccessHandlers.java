package dev.ops.testkit.pve.internal;

import static dev.ops.testkit.pve.internal.Handlers.map;

import dev.ops.core.text.AsciiNumbers;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Access control as PVE's {@code API2::AccessControl} keeps it: tickets (password, TOTP second
 * factor), permissions, users with their fields and groups, groups, API tokens (the secret shown once,
 * at creation), roles and the ACL, with PVE's error messages and cascades (deleting a user drops its
 * tokens and their ACL entries; deleting a group drops its memberships and ACL entries).
 */
final class AccessHandlers {
    private static final Pattern LIST_SPLIT = Pattern.compile("[,;\\s]+");
    private static final List<String> USER_FIELDS = List.of("email", "firstname", "lastname", "comment", "enable", "expire", "keys");

    private final Cluster cluster;
    private final Auth auth;

    AccessHandlers(Cluster cluster, Auth auth) {
        this.cluster = cluster;
        this.auth = auth;
    }

    void register(Handlers.Registry r) {
        registerTicket(r);
        registerUsers(r);
        registerTokens(r);
        registerGroups(r);
        registerRoles(r);
        registerAcl(r);
        registerRealms(r);
    }

    // ---------------------------------------------------------------- realms

    private void registerRealms(Handlers.Registry r) {
        r.on("GET", "/access/domains", c -> auth.realms().values().stream().map(f -> {
            Map<String, Object> e = new TreeMap<>();
            e.put("realm", f.get("realm"));
            e.put("type", f.get("type"));
            if (f.containsKey("comment")) {
                e.put("comment", f.get("comment"));
            }
            if (f.containsKey("tfa")) {
                e.put("tfa", f.get("tfa"));
            }
            return (Object) e;
        }).toList());
        r.on("GET", "/access/domains/{realm}", c -> {
            Map<String, String> f = realm(c.req("realm"));
            Map<String, Object> out = new TreeMap<>(f);
            out.remove("realm");
            out.put("digest", Integer.toHexString(f.hashCode()));
            return out;
        });
        r.on("POST", "/access/domains", c -> {
            String id = c.req("realm");
            String type = c.req("type");
            if (type.equals("pam") || type.equals("pve")) {
                throw ApiError.die("unable to create builtin type '" + type + "'");
            }
            if (auth.realms().containsKey(id)) {
                throw ApiError.die("domain '" + id + "' already exists");
            }
            Map<String, String> f = new TreeMap<>();
            c.params().forEach((k, v) -> {
                if (!k.equals("password")) {
                    f.put(k, v);
                }
            });
            auth.realms().put(id, f);
            return null;
        });
        r.on("PUT", "/access/domains/{realm}", c -> {
            Map<String, String> f = realm(c.req("realm"));
            c.params().forEach((k, v) -> {
                if (!Set.of("realm", "delete", "digest", "password").contains(k)) {
                    f.put(k, v);
                }
            });
            if (c.has("delete")) {
                for (String k : LIST_SPLIT.split(c.get("delete"))) {
                    f.remove(k);
                }
            }
            return null;
        });
        r.on("DELETE", "/access/domains/{realm}", c -> {
            String id = c.req("realm");
            realm(id);
            if (Auth.builtInRealm(id)) {
                throw ApiError.die("can't remove builtin realm '" + id + "'");
            }
            auth.realms().remove(id);
            return null;
        });
    }

    private Map<String, String> realm(String id) {
        Map<String, String> f = auth.realms().get(id);
        if (f == null) {
            throw ApiError.die("domain '" + id + "' does not exist");
        }
        return f;
    }

    // ---------------------------------------------------------------- tickets and permissions

    private void registerTicket(Handlers.Registry r) {
        r.on("GET", "/access/ticket", c -> null);
        r.on("POST", "/access/ticket", c -> {
            String username = c.req("username");
            if (c.has("realm") && !username.contains("@")) {
                username = username + "@" + c.get("realm");
            }
            String password = c.req("password");
            if (c.has("tfa-challenge")) {
                String half;
                try {
                    half = auth.verifyTicket(c.get("tfa-challenge"));
                } catch (ApiError e) {
                    throw new ApiError(401, "authentication failure");
                }
                String code = password.startsWith("totp:") ? password.substring(5) : password;
                if (!half.equals("!tfa!" + username) || !auth.checkTotp(username, code)) {
                    throw new ApiError(401, "authentication failure");
                }
                return loginAnswer(username);
            }
            if (!auth.checkPassword(username, password)) {
                throw new ApiError(401, "authentication failure");
            }
            Auth.User u = auth.user(username);
            if (u.totpSecret != null && !password.startsWith("PVE:")) {
                if (c.has("otp")) {
                    if (!auth.checkTotp(username, c.get("otp"))) {
                        throw new ApiError(401, "authentication failure");
                    }
                    return loginAnswer(username);
                }
                return map("username", username, "ticket", auth.tfaTicket(username),
                        "CSRFPreventionToken", auth.csrfToken(username), "NeedTFA", 1);
            }
            return loginAnswer(username);
        });
        r.on("PUT", "/access/password", c -> {
            Auth.User u = user(c.req("userid"));
            if (c.principal() != null && !c.principal().userid().equals(u.userid) && !can(c, "/access", "User.Modify")) {
                throw new ApiError(403, "Permission check failed (/access, User.Modify)");
            }
            u.password = c.req("password");
            return null;
        });
        r.on("GET", "/access/permissions", c -> {
            Auth.Principal p = c.principal();
            if (c.has("userid") && !c.get("userid").equals(p.id()) && !can(c, "/access", "Sys.Audit")) {
                throw new ApiError(403, "Permission check failed (/access, Sys.Audit)");
            }
            Auth.Principal who = p;
            if (c.has("userid")) {
                String id = c.get("userid");
                who = id.contains("!") ? new Auth.Principal(id.substring(0, id.indexOf('!')), id.substring(id.indexOf('!') + 1), false)
                        : new Auth.Principal(id, null, true);
            }
            List<String> paths = new ArrayList<>(List.of("/", "/access", "/nodes", "/storage", "/vms", "/pool", "/sdn"));
            cluster.nodes.keySet().forEach(n -> paths.add("/nodes/" + n));
            cluster.storages.keySet().forEach(s -> paths.add("/storage/" + s));
            cluster.guests.keySet().forEach(v -> paths.add("/vms/" + v));
            if (c.has("path")) {
                paths.clear();
                paths.add(c.get("path"));
            }
            Map<String, Object> out = new TreeMap<>();
            for (String path : paths) {
                Set<String> privs = auth.privileges(who, path);
                if (!privs.isEmpty() || c.has("path")) {
                    Map<String, Object> pm = new TreeMap<>();
                    privs.forEach(x -> pm.put(x, 1));
                    out.put(path, pm);
                }
            }
            return out;
        });
    }

    private Map<String, Object> loginAnswer(String username) {
        Map<String, Object> out = map("username", username, "ticket", auth.ticket(username), "CSRFPreventionToken", auth.csrfToken(username),
                "clustername", cluster.clusterName, "cap", capabilities(username));
        if (!cluster.clustered()) {
            out.remove("clustername"); // as PVE: only a node in a cluster names one
        }
        return out;
    }

    /** The areas of the login answer's {@code cap}, each with the privilege families it reports. */
    private static final Map<String, List<String>> CAP_AREAS = Map.of(
            "vms", List.of("VM.", "Permissions.Modify"), "storage", List.of("Datastore.", "Permissions.Modify"),
            "nodes", List.of("Sys.", "Permissions.Modify"), "access", List.of("User.Modify", "Group.Allocate", "Realm.", "Permissions.Modify"),
            "dc", List.of("Sys.Audit", "Sys.Modify", "SDN.", "Mapping."), "sdn", List.of("SDN."), "mapping", List.of("Mapping."));

    /**
     * The login answer's {@code cap}: per area, the privileges of its families the user holds on any
     * path of the area (the GUI shows or hides its panels by them), each as {@code 1}.
     */
    private Map<String, Object> capabilities(String username) {
        Auth.Principal who = new Auth.Principal(username, null, true);
        List<String> paths = new ArrayList<>(List.of("/", "/access", "/access/groups", "/access/realm", "/sdn", "/mapping", "/vms",
                "/storage", "/nodes", "/pool"));
        cluster.nodes.keySet().forEach(n -> paths.add("/nodes/" + n));
        cluster.storages.keySet().forEach(st -> paths.add("/storage/" + st));
        cluster.guests.keySet().forEach(v -> paths.add("/vms/" + v));
        auth.acl().forEach(a -> paths.add(a.path()));
        Map<String, Object> cap = new TreeMap<>();
        CAP_AREAS.forEach((area, families) -> {
            Map<String, Object> privs = new TreeMap<>();
            for (String path : paths) {
                for (String p : auth.privileges(who, path)) {
                    if (families.stream().anyMatch(f -> f.endsWith(".") ? p.startsWith(f) : p.equals(f))) {
                        privs.put(p, 1);
                    }
                }
            }
            cap.put(area, privs);
        });
        return cap;
    }

    // ---------------------------------------------------------------- users

    private void registerUsers(Handlers.Registry r) {
        r.on("GET", "/access/users", c -> {
            List<Object> out = new ArrayList<>();
            auth.users().forEach((id, u) -> {
                if (c.has("enabled") && c.flag("enabled", true) != "1".equals(u.fields.get("enable"))) {
                    return;
                }
                Map<String, Object> e = userFields(u);
                e.put("userid", id);
                e.put("realm-type", id.substring(id.indexOf('@') + 1));
                if (!u.groups.isEmpty()) {
                    e.put("groups", String.join(",", u.groups));
                }
                if (c.flag("full", false)) {
                    e.put("tokens", tokensOf(id).stream().map(t -> {
                        Map<String, Object> te = tokenInfo(t);
                        te.put("tokenid", t.name);
                        return te;
                    }).toList());
                }
                out.add(e);
            });
            return out;
        });
        r.on("POST", "/access/users", c -> {
            String userid = c.req("userid");
            if (auth.user(userid) != null) {
                throw ApiError.die("create user failed: user '" + userid + "' already exists");
            }
            Auth.User u = new Auth.User(userid, c.get("password"), null);
            setUserFields(u, c, false);
            auth.addUser(u, List.of());
            return null;
        });
        r.on("GET", "/access/users/{userid}", c -> {
            Auth.User u = user(c.req("userid"));
            Map<String, Object> out = userFields(u);
            out.put("groups", List.copyOf(u.groups));
            List<Auth.Token> tokens = tokensOf(u.userid);
            if (!tokens.isEmpty()) {
                Map<String, Object> t = new TreeMap<>();
                tokens.forEach(x -> t.put(x.name, tokenInfo(x)));
                out.put("tokens", t);
            }
            return out;
        });
        r.on("PUT", "/access/users/{userid}", c -> {
            setUserFields(user(c.req("userid")), c, c.flag("append", false));
            return null;
        });
        r.on("DELETE", "/access/users/{userid}", c -> {
            auth.removeUser(user(c.req("userid")).userid);
            return null;
        });
        r.on("GET", "/access/users/{userid}/tfa", c -> {
            Auth.User u = user(c.req("userid"));
            return map("realm", "", "user", u.totpSecret == null ? 0 : 1);
        });
    }

    private Auth.User user(String userid) {
        Auth.User u = auth.user(userid);
        if (u == null) {
            throw ApiError.die("no such user ('" + userid + "')");
        }
        return u;
    }

    private static Map<String, Object> userFields(Auth.User u) {
        Map<String, Object> out = new java.util.LinkedHashMap<>();
        u.fields.forEach((k, v) -> {
            if (k.equals("enable") || k.equals("expire")) {
                out.put(k, AsciiNumbers.parseLong(v));
            } else if (!v.isEmpty()) {
                out.put(k, v);
            }
        });
        return out;
    }

    private void setUserFields(Auth.User u, Call c, boolean append) {
        if (c.has("groups")) {
            String g = c.get("groups");
            List<String> wanted = g.isEmpty() ? List.of() : Arrays.asList(LIST_SPLIT.split(g));
            for (String id : wanted) {
                if (!auth.groups().containsKey(id)) {
                    throw ApiError.die("no such group '" + id + "'");
                }
            }
            if (!append) {
                u.groups.clear();
            }
            u.groups.addAll(wanted);
        }
        for (String k : USER_FIELDS) {
            if (c.has(k)) {
                u.fields.put(k, c.get(k));
            }
        }
    }

    // ---------------------------------------------------------------- tokens

    private void registerTokens(Handlers.Registry r) {
        String one = "/access/users/{userid}/token/{tokenid}";
        r.on("GET", "/access/users/{userid}/token", c -> tokensOf(user(c.req("userid")).userid).stream().map(t -> {
            Map<String, Object> e = tokenInfo(t);
            e.put("tokenid", t.name);
            return (Object) e;
        }).toList());
        r.on("POST", one, c -> {
            Auth.User u = user(c.req("userid"));
            String id = u.userid + "!" + c.req("tokenid");
            if (auth.tokens().containsKey(id)) {
                throw ApiError.die("Token already exists.");
            }
            Auth.Token t = new Auth.Token(u.userid, c.req("tokenid"), UUID.randomUUID().toString(), c.flag("privsep", true));
            t.comment = c.get("comment");
            t.expire = c.has("expire") ? AsciiNumbers.parseLong(c.get("expire")) : AsciiNumbers.parseLong(u.fields.get("expire"));
            auth.addToken(t, null);
            return map("full-tokenid", id, "info", tokenInfo(t), "value", t.secret);
        });
        r.on("GET", one, c -> tokenInfo(token(c)));
        r.on("PUT", one, c -> {
            Auth.Token t = token(c);
            if (c.has("privsep")) {
                t.privsep = c.flag("privsep", true);
            }
            if (c.has("expire")) {
                t.expire = AsciiNumbers.parseLong(c.get("expire"));
            }
            if (c.has("comment")) {
                t.comment = c.get("comment");
            }
            if (c.has("delete")) {
                for (String k : LIST_SPLIT.split(c.get("delete"))) {
                    switch (k) {
                        case "comment" -> t.comment = null;
                        case "expire" -> t.expire = 0;
                        case "privsep" -> t.privsep = true;
                        default -> { }
                    }
                }
            }
            return tokenInfo(t);
        });
        r.on("DELETE", one, c -> {
            auth.removeToken(token(c).id());
            return null;
        });
    }

    private Auth.Token token(Call c) {
        Auth.User u = user(c.req("userid"));
        Auth.Token t = auth.tokens().get(u.userid + "!" + c.req("tokenid"));
        if (t == null) {
            throw ApiError.die("no such token '" + c.req("tokenid") + "' for user '" + u.userid + "'");
        }
        return t;
    }

    private List<Auth.Token> tokensOf(String userid) {
        return auth.tokens().values().stream().filter(t -> t.userid.equals(userid)).toList();
    }

    private static Map<String, Object> tokenInfo(Auth.Token t) {
        Map<String, Object> out = map("privsep", t.privsep ? 1 : 0, "expire", t.expire);
        if (t.comment != null) {
            out.put("comment", t.comment);
        }
        return out;
    }

    // ---------------------------------------------------------------- groups

    private void registerGroups(Handlers.Registry r) {
        r.on("GET", "/access/groups", c -> auth.groups().entrySet().stream().map(e -> {
            Map<String, Object> g = map("groupid", e.getKey());
            if (!e.getValue().isEmpty()) {
                g.put("comment", e.getValue());
            }
            String users = String.join(",", members(e.getKey()));
            if (!users.isEmpty()) {
                g.put("users", users);
            }
            return (Object) g;
        }).toList());
        r.on("POST", "/access/groups", c -> {
            String id = c.req("groupid");
            if (auth.groups().containsKey(id)) {
                throw ApiError.die("create group failed: group '" + id + "' already exists");
            }
            auth.groups().put(id, c.get("comment") == null ? "" : c.get("comment"));
            return null;
        });
        r.on("GET", "/access/groups/{groupid}", c -> {
            String id = group(c);
            Map<String, Object> out = new java.util.LinkedHashMap<>();
            if (!auth.groups().get(id).isEmpty()) {
                out.put("comment", auth.groups().get(id));
            }
            out.put("members", members(id));
            return out;
        });
        r.on("PUT", "/access/groups/{groupid}", c -> {
            String id = group(c);
            if (c.has("comment")) {
                auth.groups().put(id, c.get("comment"));
            }
            return null;
        });
        r.on("DELETE", "/access/groups/{groupid}", c -> {
            auth.removeGroup(group(c));
            return null;
        });
    }

    private String group(Call c) {
        String id = c.req("groupid");
        if (!auth.groups().containsKey(id)) {
            throw ApiError.die("group '" + id + "' does not exist");
        }
        return id;
    }

    private List<String> members(String groupid) {
        return auth.users().values().stream().filter(u -> u.groups.contains(groupid)).map(u -> u.userid).sorted().toList();
    }

    // ---------------------------------------------------------------- roles and ACL

    private void registerRoles(Handlers.Registry r) {
        r.on("GET", "/access/roles", c -> {
            List<Object> out = new ArrayList<>();
            auth.roles().forEach((role, privs) -> out.add(map("roleid", role, "privs", String.join(",", privs),
                    "special", Auth.builtIn(role) ? 1 : 0)));
            return out;
        });
        r.on("GET", "/access/roles/{roleid}", c -> {
            Set<String> privs = auth.roles().get(c.req("roleid"));
            if (privs == null) {
                throw ApiError.die("role '" + c.req("roleid") + "' does not exist");
            }
            Map<String, Object> out = new TreeMap<>();
            privs.forEach(p -> out.put(p, 1));
            return out;
        });
    }

    private void registerAcl(Handlers.Registry r) {
        r.on("GET", "/access/acl", c -> auth.acl().stream().map(a -> (Object) map("path", a.path(), "type", a.type(),
                "ugid", a.ugid(), "roleid", a.roleid(), "propagate", a.propagate() ? 1 : 0)).toList());
        r.on("PUT", "/access/acl", c -> {
            String path = c.req("path");
            boolean delete = c.flag("delete", false);
            Set<String> roles = new LinkedHashSet<>(Arrays.asList(LIST_SPLIT.split(c.req("roles"))));
            Map<String, Set<String>> known = auth.roles();
            for (String role : roles) {
                if (!known.containsKey(role)) {
                    throw ApiError.die("role '" + role + "' does not exist");
                }
            }
            List<String[]> principals = new ArrayList<>();
            for (String[] kind : List.of(new String[] {"users", "user"}, new String[] {"groups", "group"},
                    new String[] {"tokens", "token"})) {
                if (c.has(kind[0])) {
                    for (String id : LIST_SPLIT.split(c.get(kind[0]))) {
                        if (!id.isEmpty()) {
                            principals.add(new String[] {kind[1], id});
                        }
                    }
                }
            }
            if (principals.isEmpty()) {
                throw new ApiError(400, "either 'users', 'groups' or 'tokens' is required");
            }
            for (String[] p : principals) {
                if (!delete && !exists(p[0], p[1])) {
                    throw ApiError.die(p[0] + " '" + p[1] + "' does not exist");
                }
            }
            for (String role : roles) {
                for (String[] p : principals) {
                    auth.setAcl(new Auth.Acl(path, p[0], p[1], role, c.flag("propagate", true)), delete);
                }
            }
            return null;
        });
    }

    private boolean exists(String type, String id) {
        return switch (type) {
            case "user" -> auth.user(id) != null;
            case "group" -> auth.groups().containsKey(id);
            default -> auth.tokens().containsKey(id);
        };
    }

    private boolean can(Call c, String path, String priv) {
        return c.principal() == null || auth.privileges(c.principal(), path).contains(priv);
    }
}
