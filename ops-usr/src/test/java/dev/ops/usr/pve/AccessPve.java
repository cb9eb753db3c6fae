package dev.ops.usr.pve;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ops.core.json.internal.Json;
import dev.ops.core.secret.Secret;
import dev.ops.pve.PveClient;
import dev.ops.pve.RetryPolicy;
import dev.ops.pve.testing.MiniPve;
import dev.ops.pve.testing.NoDelayServerSockets;
import dev.ops.pve.testing.PveSchema;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;

/**
 * A stateful stand-in for Proxmox VE's access control API on MockWebServer (loopback): users with
 * their groups and API tokens, groups, ACL entries and the built-in roles, with Proxmox's error
 * messages and cascades (deleting a user drops its tokens and ACL entries; deleting a group drops its
 * membership and ACL entries). Every request is checked against the real PVE 9.1 schema
 * ({@link PveSchema}) and against the access id formats the schema names but the checker does not
 * know (pve-userid, pve-groupid, pve-roleid and their lists, pve-tokenid-list).
 */
final class AccessPve extends Dispatcher implements AutoCloseable {
    private static final Pattern USERID = Pattern.compile("[^\\s:/]+@[A-Za-z][A-Za-z0-9.\\-_]+");
    private static final Pattern GROUPID = Pattern.compile("[A-Za-z0-9.\\-_]+");
    private static final Pattern TOKEN = Pattern.compile("[^\\s:/]+@[A-Za-z][A-Za-z0-9.\\-_]+![A-Za-z][A-Za-z0-9.\\-_]+");
    private static final Map<String, Pattern> FORMATS = Map.of("userid", USERID, "users", USERID, "groupid", GROUPID, "groups", GROUPID,
            "roles", GROUPID, "roleid", GROUPID, "tokens", TOKEN);

    final MockWebServer server = new MockWebServer();
    final List<MiniPve.Req> requests = new CopyOnWriteArrayList<>();
    private final List<String> schemaProblems = new CopyOnWriteArrayList<>();
    private final Map<String, Deque<MockResponse>> scripted = new ConcurrentHashMap<>();

    final Map<String, UserState> users = new ConcurrentHashMap<>();
    final Map<String, String> groups = new ConcurrentHashMap<>();
    final List<Acl> acl = new CopyOnWriteArrayList<>();
    final Set<String> roles = Set.of("Administrator", "NoAccess", "PVEAdmin", "PVEAuditor", "PVEVMAdmin", "PVEVMUser", "PVEPoolUser");
    /** Every token secret this server issued, to prove none leaks. */
    final List<String> issuedSecrets = new CopyOnWriteArrayList<>();

    /** A user's state. */
    static final class UserState {
        final Map<String, String> fields = new TreeMap<>();
        final Set<String> groups = new TreeSet<>();
        final Map<String, Map<String, String>> tokens = new TreeMap<>();
        String password;
    }

    /** One ACL entry. */
    record Acl(String path, String type, String ugid, String roleid, boolean propagate) {}

    private AccessPve() {
        server.setServerSocketFactory(new NoDelayServerSockets());
        server.setDispatcher(this);
    }

    static AccessPve start() {
        AccessPve a = new AccessPve();
        try {
            // HTTPS, as pveproxy: the client refuses plain HTTP, which would carry the token in clear text.
            a.server.useHttps(MiniPve.serverSocketFactory(), false);
            a.server.start(java.net.InetAddress.getLoopbackAddress(), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return a;
    }

    PveClient client() {
        return PveClient.builder().baseUrl(server.url("/").toString()).name("lab").pinnedCertificate(MiniPve.fingerprint())
                .apiToken(MiniPve.TOKEN_USER, MiniPve.TOKEN_ID, Secret.of(MiniPve.TOKEN_SECRET))
                .retryPolicy(new RetryPolicy(3, Duration.ofMillis(1), Duration.ofMillis(5), Duration.ofSeconds(5)))
                .readTimeout(Duration.ofSeconds(5)).build();
    }

    UserState addUser(String userid, String... groupIds) {
        UserState u = new UserState();
        u.fields.put("enable", "1");
        u.groups.addAll(List.of(groupIds));
        users.put(userid, u);
        return u;
    }

    /** The next answer to {@code METHOD /path} (decoded, without /api2/json) is {@code response}. */
    void script(String method, String path, MockResponse response) {
        scripted.computeIfAbsent(method + " " + path, k -> new ArrayDeque<>()).add(response);
    }

    List<String> schemaProblems() {
        return List.copyOf(schemaProblems);
    }

    /** The requests other than GETs, as {@code METHOD path}. */
    List<String> writes() {
        return requests.stream().filter(r -> !r.method().equals("GET")).map(r -> r.method() + " " + r.path()).toList();
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) {
        String full = request.getRequestUrl().encodedPath();
        String encodedPath = full.startsWith("/api2/json") ? full.substring("/api2/json".length()) : full;
        String path = decode(encodedPath);
        String method = request.getMethod();
        Map<String, List<String>> params = params(request);
        requests.add(new MiniPve.Req(method, path, encodedPath, params, request));
        schemaProblems.addAll(PveSchema.load().check(method, encodedPath, params));
        checkFormats(method, path, encodedPath, params);
        Deque<MockResponse> s = scripted.get(method + " " + path);
        if (s != null && !s.isEmpty()) {
            return s.poll();
        }
        if (!("PVEAPIToken=" + MiniPve.TOKEN_USER + "!" + MiniPve.TOKEN_ID + "=" + MiniPve.TOKEN_SECRET).equals(request.getHeader("Authorization"))) {
            return MiniPve.error(401, "authentication failure");
        }
        try {
            return route(method, path, single(params));
        } catch (Failure f) {
            return MiniPve.error(f.status, f.getMessage());
        }
    }

    private void checkFormats(String method, String path, String encodedPath, Map<String, List<String>> params) {
        Map<String, String> all = new LinkedHashMap<>(single(params));
        PveSchema.load().match(method, encodedPath).ifPresent(m -> all.putAll(m.pathParams()));
        all.forEach((k, v) -> {
            Pattern p = FORMATS.get(k);
            if (p == null) {
                return;
            }
            boolean list = k.endsWith("s");
            for (String item : list ? v.split("[,;\\s]+", -1) : new String[] {v}) {
                if (list && item.isEmpty() && v.isEmpty()) {
                    continue;
                }
                if (!p.matcher(item).matches() || (k.startsWith("user") && item.length() > 64)) {
                    schemaProblems.add(method + " " + path + ": parameter '" + k + "' item '" + item + "' breaks its id format");
                }
            }
        });
    }

    private static final class Failure extends RuntimeException {
        final int status;

        Failure(int status, String message) {
            super(message);
            this.status = status;
        }
    }

    private static final Pattern USER_PATH = Pattern.compile("^/access/users/([^/]+)(?:/token/([^/]+))?$");
    private static final Pattern GROUP_PATH = Pattern.compile("^/access/groups/([^/]+)$");

    private MockResponse route(String m, String p, Map<String, String> q) {
        if (p.equals("/access/users") && m.equals("POST")) {
            String id = q.get("userid");
            if (users.containsKey(id)) {
                throw new Failure(500, "create user failed: user '" + id + "' already exists");
            }
            UserState u = new UserState();
            u.fields.put("enable", "1");
            applyUserFields(u, q, false);
            u.password = q.get("password");
            users.put(id, u);
            return MiniPve.ok(null);
        }
        if (p.equals("/access/groups") && m.equals("POST")) {
            String id = q.get("groupid");
            if (groups.containsKey(id)) {
                throw new Failure(500, "create group failed: group '" + id + "' already exists");
            }
            groups.put(id, q.getOrDefault("comment", ""));
            return MiniPve.ok(null);
        }
        if (p.equals("/access/roles") && m.equals("GET")) {
            return MiniPve.ok(roles.stream().map(r -> Map.of("roleid", r, "special", 1)).toList());
        }
        if (p.equals("/access/acl")) {
            return m.equals("GET") ? MiniPve.ok(acl.stream().map(a -> Map.of("path", a.path(), "type", a.type(), "ugid", a.ugid(),
                    "roleid", a.roleid(), "propagate", a.propagate() ? 1 : 0)).toList()) : putAcl(q);
        }
        Matcher um = USER_PATH.matcher(p);
        if (um.matches()) {
            String id = um.group(1);
            UserState u = users.get(id);
            if (u == null) {
                throw new Failure(500, "no such user ('" + id + "')");
            }
            return um.group(2) == null ? user(m, id, u, q) : token(m, id, u, um.group(2), q);
        }
        Matcher gm = GROUP_PATH.matcher(p);
        if (gm.matches()) {
            String id = gm.group(1);
            if (!groups.containsKey(id)) {
                throw new Failure(500, "group '" + id + "' does not exist");
            }
            switch (m) {
                case "GET" -> {
                    Map<String, Object> out = new LinkedHashMap<>();
                    if (!groups.get(id).isEmpty()) {
                        out.put("comment", groups.get(id));
                    }
                    out.put("members", users.entrySet().stream().filter(e -> e.getValue().groups.contains(id)).map(Map.Entry::getKey).sorted().toList());
                    return MiniPve.ok(out);
                }
                case "PUT" -> {
                    if (q.containsKey("comment")) {
                        groups.put(id, q.get("comment"));
                    }
                    return MiniPve.ok(null);
                }
                case "DELETE" -> {
                    groups.remove(id);
                    users.values().forEach(u -> u.groups.remove(id));
                    acl.removeIf(a -> a.type().equals("group") && a.ugid().equals(id));
                    return MiniPve.ok(null);
                }
                default -> {
                }
            }
        }
        throw new Failure(501, "Method '" + m + " /api2/json" + p + "' not implemented");
    }

    private MockResponse user(String m, String id, UserState u, Map<String, String> q) {
        switch (m) {
            case "GET" -> {
                ObjectNode out = Json.mapper().createObjectNode();
                u.fields.forEach((k, v) -> {
                    if (k.equals("enable") || k.equals("expire")) {
                        out.put(k, Long.parseLong(v));
                    } else if (!v.isEmpty()) {
                        out.put(k, v);
                    }
                });
                ArrayNode g = out.putArray("groups");
                u.groups.forEach(g::add);
                if (!u.tokens.isEmpty()) {
                    ObjectNode t = out.putObject("tokens");
                    u.tokens.forEach((tid, info) -> t.set(tid, tokenInfo(info)));
                }
                return MiniPve.ok(out);
            }
            case "PUT" -> {
                applyUserFields(u, q, "1".equals(q.get("append")));
                return MiniPve.ok(null);
            }
            case "DELETE" -> {
                users.remove(id);
                acl.removeIf(a -> a.ugid().equals(id) || a.ugid().startsWith(id + "!"));
                return MiniPve.ok(null);
            }
            default -> throw new Failure(501, "Method '" + m + "' not implemented");
        }
    }

    private void applyUserFields(UserState u, Map<String, String> q, boolean append) {
        for (String k : List.of("email", "firstname", "lastname", "comment", "enable", "expire", "keys")) {
            if (q.containsKey(k)) {
                u.fields.put(k, q.get(k));
            }
        }
        if (q.containsKey("groups")) {
            List<String> wanted = q.get("groups").isEmpty() ? List.of() : List.of(q.get("groups").split("[,;\\s]+"));
            for (String g : wanted) {
                if (!groups.containsKey(g)) {
                    throw new Failure(500, "no such group '" + g + "'");
                }
            }
            if (!append) {
                u.groups.clear();
            }
            u.groups.addAll(wanted);
        }
    }

    private MockResponse token(String m, String userid, UserState u, String tokenid, Map<String, String> q) {
        Map<String, String> t = u.tokens.get(tokenid);
        if (m.equals("POST")) {
            if (t != null) {
                throw new Failure(500, "Token already exists.");
            }
            t = new TreeMap<>();
            t.put("privsep", q.getOrDefault("privsep", "1"));
            t.put("expire", q.getOrDefault("expire", u.fields.getOrDefault("expire", "0")));
            if (q.containsKey("comment")) {
                t.put("comment", q.get("comment"));
            }
            u.tokens.put(tokenid, t);
            String secret = UUID.randomUUID().toString();
            issuedSecrets.add(secret);
            ObjectNode out = Json.mapper().createObjectNode();
            out.put("full-tokenid", userid + "!" + tokenid);
            out.set("info", tokenInfo(t));
            out.put("value", secret);
            return MiniPve.ok(out);
        }
        if (t == null) {
            throw new Failure(500, "no such token '" + tokenid + "' for user '" + userid + "'");
        }
        switch (m) {
            case "GET" -> {
                return MiniPve.ok(tokenInfo(t));
            }
            case "PUT" -> {
                for (String k : List.of("privsep", "expire", "comment")) {
                    if (q.containsKey(k)) {
                        t.put(k, q.get(k));
                    }
                }
                if (q.containsKey("delete")) {
                    for (String k : q.get("delete").split("[,;\\s]+")) {
                        t.remove(k);
                    }
                }
                return MiniPve.ok(tokenInfo(t));
            }
            case "DELETE" -> {
                u.tokens.remove(tokenid);
                acl.removeIf(a -> a.type().equals("token") && a.ugid().equals(userid + "!" + tokenid));
                return MiniPve.ok(null);
            }
            default -> throw new Failure(501, "Method '" + m + "' not implemented");
        }
    }

    private static ObjectNode tokenInfo(Map<String, String> t) {
        ObjectNode out = Json.mapper().createObjectNode();
        out.put("privsep", Integer.parseInt(t.get("privsep")));
        out.put("expire", Long.parseLong(t.get("expire")));
        if (t.containsKey("comment")) {
            out.put("comment", t.get("comment"));
        }
        return out;
    }

    private MockResponse putAcl(Map<String, String> q) {
        String path = q.get("path");
        boolean delete = "1".equals(q.get("delete"));
        boolean propagate = !"0".equals(q.get("propagate"));
        List<String[]> principals = new ArrayList<>();
        for (String[] kind : List.of(new String[] {"users", "user"}, new String[] {"groups", "group"}, new String[] {"tokens", "token"})) {
            if (q.containsKey(kind[0])) {
                for (String id : q.get(kind[0]).split("[,;\\s]+")) {
                    principals.add(new String[] {kind[1], id});
                }
            }
        }
        if (principals.isEmpty()) {
            throw new Failure(400, "either 'users', 'groups' or 'tokens' is required");
        }
        for (String role : q.get("roles").split("[,;\\s]+")) {
            if (!roles.contains(role)) {
                throw new Failure(500, "role '" + role + "' does not exist");
            }
            for (String[] pr : principals) {
                if (!delete) {
                    boolean known = switch (pr[0]) {
                        case "user" -> users.containsKey(pr[1]);
                        case "group" -> groups.containsKey(pr[1]);
                        default -> {
                            int bang = pr[1].lastIndexOf('!');
                            UserState u = users.get(pr[1].substring(0, bang));
                            yield u != null && u.tokens.containsKey(pr[1].substring(bang + 1));
                        }
                    };
                    if (!known) {
                        throw new Failure(500, pr[0] + " '" + pr[1] + "' does not exist");
                    }
                }
                acl.removeIf(a -> a.path().equals(path) && a.type().equals(pr[0]) && a.ugid().equals(pr[1]) && a.roleid().equals(role));
                if (!delete) {
                    acl.add(new Acl(path, pr[0], pr[1], role, propagate));
                }
            }
        }
        return MiniPve.ok(null);
    }

    private static Map<String, String> single(Map<String, List<String>> params) {
        Map<String, String> out = new LinkedHashMap<>();
        params.forEach((k, v) -> out.put(k, v.get(0)));
        return out;
    }

    private static String decode(String encoded) {
        StringBuilder sb = new StringBuilder();
        for (String seg : encoded.split("/", -1)) {
            if (sb.length() > 0 || !seg.isEmpty()) {
                sb.append('/');
            }
            sb.append(URLDecoder.decode(seg.replace("+", "%2B"), StandardCharsets.UTF_8));
        }
        return sb.toString();
    }

    private static Map<String, List<String>> params(RecordedRequest request) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        HttpUrl url = request.getRequestUrl();
        for (String name : url.queryParameterNames()) {
            out.put(name, new ArrayList<>(url.queryParameterValues(name)));
        }
        String ct = request.getHeader("Content-Type");
        if (ct != null && ct.startsWith("application/x-www-form-urlencoded")) {
            for (String pair : request.getBody().clone().readUtf8().split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                out.computeIfAbsent(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8), x -> new ArrayList<>())
                        .add(URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return out;
    }

    @Override
    public void close() {
        try {
            server.shutdown();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
