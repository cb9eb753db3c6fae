package dev.ops.testkit.pbs.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ops.testkit.pve.internal.ApiError;
import dev.ops.testkit.pve.internal.ApiSchema;
import dev.ops.testkit.pve.internal.Endpoint;
import dev.ops.testkit.pve.internal.Http;
import dev.ops.testkit.pve.internal.Validator;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;

/**
 * Answers PBS API requests: the route and every parameter are checked against the PBS schema
 * (with the PVE fake's schema index and validator), the API token against the ones the server knows,
 * and the answer comes from {@link PbsState}.
 */
public final class PbsDispatcher extends Dispatcher {
    private static final String PREFIX = "/api2/json";
    private final ObjectMapper mapper = new ObjectMapper();
    private final ApiSchema schema = ApiSchema.pbs();
    private final PbsState state;
    private final Map<String, String> tokens;
    private final Map<String, String> passwords;
    /** Tickets handed out, with the CSRF token each needs on writes. */
    private final Map<String, String> tickets = new java.util.concurrent.ConcurrentHashMap<>();
    private final List<String> violations = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final List<String> calls = new java.util.concurrent.CopyOnWriteArrayList<>();
    private int writes;

    private final PbsConfigHandlers config;

    /** Starts the jobs PBS's scheduler would start at {@code now}; their tasks' UPIDs. */
    public List<String> runDueJobs(java.time.Instant now) {
        synchronized (state.tasks.lock()) {
            return config.runDue(now);
        }
    }

    /** Starts job {@code id} of {@code kind} (prune, verify, sync) as PBS's scheduler does when it is due; its task's UPID. */
    public String runJob(String kind, String id) {
        synchronized (state.tasks.lock()) {
            return config.run(kind, id);
        }
    }
    /** Listings that are served again while nothing changed, as a real server's are cheap to read twice. */
    private static final java.util.Set<String> LISTINGS = java.util.Set.of("/admin/datastore/{store}/snapshots",
            "/admin/datastore/{store}/groups");
    /** Serialized listing answers by state version and request target (at most a few: cleared on every write). */
    private final Map<String, Cached> cache = new java.util.LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Cached> eldest) {
            return size() > 8;
        }
    };

    public PbsDispatcher(PbsState state, Map<String, String> tokens, Map<String, String> passwords) {
        this.state = state;
        this.config = new PbsConfigHandlers(state, this);
        this.tokens = tokens;
        this.passwords = passwords;
    }

    /** Answers queued by a test for the next request to a method and path (concrete or template). */
    private final List<Object[]> scripted = new ArrayList<>();

    /** Queues {@code response} for the next request to {@code method} and {@code path} (concrete or a schema template). */
    public void addScripted(String method, String path, MockResponse response) {
        synchronized (scripted) {
            scripted.add(new Object[] {method, path, response});
        }
    }

    private MockResponse scripted(String method, String path, String template) {
        synchronized (scripted) {
            for (java.util.Iterator<Object[]> it = scripted.iterator(); it.hasNext(); ) {
                Object[] s = it.next();
                if (((String) s[0]).equalsIgnoreCase(method) && (s[1].equals(path) || s[1].equals(template))) {
                    it.remove();
                    return (MockResponse) s[2];
                }
            }
        }
        return null;
    }

    /** Requests the schema refused, as {@code METHOD path: reason}. */
    public List<String> violations() {
        return List.copyOf(violations);
    }

    /** Every request, as {@code METHOD path}. */
    public List<String> calls() {
        return List.copyOf(calls);
    }

    /** How many requests other than GETs came: a plan must leave it as it was. */
    public synchronized String writes() {
        return writes + " write(s)";
    }

    /** A serialised listing, and its deflated form once a client asked for it. */
    private static final class Cached {
        private final byte[] body;
        private byte[] deflated;

        Cached(byte[] body) {
            this.body = body;
        }

        synchronized byte[] deflated() {
            if (deflated == null) {
                deflated = PbsCompression.deflate(body);
            }
            return deflated;
        }
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) {
        boolean deflate = PbsCompression.accepts(request.getHeaders().get("Accept-Encoding"));
        String method = request.getMethod() == null ? "GET" : request.getMethod();
        String target = request.getTarget();
        int q = target.indexOf('?');
        String rawPath = q < 0 ? target : target.substring(0, q);
        String path = rawPath.startsWith(PREFIX) ? rawPath.substring(PREFIX.length()) : rawPath;
        calls.add(method + " " + Http.decode(path));
        if (!"GET".equals(method)) {
            synchronized (this) {
                writes++;
            }
        }
        try {
            Map<String, Object> params = new LinkedHashMap<>();
            Http.parseForm(q < 0 ? null : target.substring(q + 1), params);
            if (request.getBody() != null && request.getBody().size() > 0) {
                Http.parseForm(request.getBody().utf8(), params);
            }
            Optional<ApiSchema.Route> route = schema.route(path);
            MockResponse script = scripted(method, Http.decode(path), route.map(ApiSchema.Route::template).orElse(""));
            if (script != null) {
                return script;
            }
            if (route.isEmpty() || !route.get().endpoints().containsKey(method)) {
                violations.add(method + " " + path + ": no such endpoint");
                throw new ApiError(501, "Method '" + method + " " + path + "' not implemented");
            }
            Endpoint ep = route.get().endpoints().get(method);
            if ("POST".equals(method) && "/access/ticket".equals(route.get().template())) {
                return login(ep, params, deflate);
            }
            authenticate(request, method);
            params.putAll(route.get().pathParams());
            Map<String, String> errors = Validator.validate(ep, params);
            if (!errors.isEmpty()) {
                violations.add(method + " " + path + ": " + errors);
                throw new ApiError(400, "parameter verification failed", errors);
            }
            Map<String, String> p = new LinkedHashMap<>();
            // Repeated names (array parameters) come as one value, their items separated by new lines.
            params.forEach((k, v) -> p.put(k, v instanceof List<?> many
                    ? String.join("\n", many.stream().map(String::valueOf).toList()) : String.valueOf(v)));
            String template = route.get().template();
            boolean listing = "GET".equals(method) && LISTINGS.contains(template) && !state.scrambled;
            Cached cached;
            long version;
            Object data;
            synchronized (state.tasks.lock()) {
                version = state.version + state.tasks.engine().version();
                cached = listing ? cache.get(version + " " + target) : null;
                data = cached != null ? null : handle(method, template, p);
                if (!"GET".equals(method)) {
                    state.version++;
                    cache.clear();
                }
            }
            if (cached != null) {
                return answer(200, "OK", cached, deflate);
            }
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("data", data);
            if (listing) {
                Cached b = new Cached(serialize(body));
                synchronized (state.tasks.lock()) {
                    if (version == state.version + state.tasks.engine().version()) {
                        cache.put(version + " " + target, b);
                    }
                }
                return answer(200, "OK", b, deflate);
            }
            return json(200, "OK", body, deflate);
        } catch (ApiError e) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("data", null);
            body.put("message", e.getMessage() + "\n");
            if (!e.errors().isEmpty()) {
                body.put("errors", e.errors());
            }
            return json(e.status(), e.getMessage(), body, deflate);
        } catch (RuntimeException e) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("data", null);
            body.put("message", "fake server error: " + e);
            return json(500, "fake server error", body, deflate);
        }
    }

    /** {@code POST /access/ticket}: a ticket and CSRF token for a known user and password. */
    private MockResponse login(Endpoint ep, Map<String, Object> params, boolean deflate) {
        Map<String, String> errors = Validator.validate(ep, params);
        if (!errors.isEmpty()) {
            violations.add("POST /access/ticket: " + errors);
            throw new ApiError(400, "parameter verification failed", errors);
        }
        String user = String.valueOf(params.get("username"));
        String password = String.valueOf(params.get("password"));
        if (!password.equals(passwords.get(user)) && !tickets.containsKey(password)) {
            throw new ApiError(401, "authentication failure");
        }
        String ticket = "PBS:" + user + ":" + java.util.UUID.randomUUID();
        String csrf = java.util.UUID.randomUUID().toString();
        tickets.put(ticket, csrf);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("data", Map.of("username", user, "ticket", ticket, "CSRFPreventionToken", csrf));
        return json(200, "OK", body, deflate);
    }

    private void authenticate(RecordedRequest request, String method) {
        String cookie = request.getHeaders().get("Cookie");
        if (cookie != null) {
            String ticket = Http.cookies(cookie).get("PBSAuthCookie");
            String csrf = ticket == null ? null : tickets.get(ticket);
            if (csrf == null) {
                throw new ApiError(401, "authentication failed - invalid ticket");
            }
            if (!"GET".equals(method) && !csrf.equals(request.getHeaders().get("CSRFPreventionToken"))) {
                throw new ApiError(401, "authentication failed - missing or wrong CSRF token");
            }
            return;
        }
        String authz = request.getHeaders().get("Authorization");
        if (authz == null || !authz.startsWith("PBSAPIToken=")) {
            throw new ApiError(401, "authentication failed - no valid credentials");
        }
        String value = authz.substring("PBSAPIToken=".length());
        int colon = value.lastIndexOf(':');
        if (colon < 0 || !value.substring(colon + 1).equals(tokens.get(value.substring(0, colon)))) {
            throw new ApiError(401, "authentication failed - invalid token");
        }
    }

    private Object handle(String method, String template, Map<String, String> p) {
        switch (method + " " + template) {
            case "GET /admin/datastore" -> {
                List<Object> out = new ArrayList<>();
                state.stores.values().forEach(s -> out.add(Map.of("store", s.name)));
                return out;
            }
            case "GET /admin/datastore/{store}/status" -> {
                PbsState.Store s = store(p);
                long used = s.used();
                return Map.of("total", s.total, "used", used, "avail", s.total - used);
            }
            case "GET /admin/datastore/{store}/gc" -> {
                PbsState.Store s = store(p);
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("disk-bytes", s.used() / 2);
                m.put("disk-chunks", s.used() / (4 << 20));
                m.put("index-data-bytes", s.used());
                m.put("index-file-count", s.snapshots.values().stream().mapToInt(Map::size).sum());
                m.put("pending-bytes", 0);
                m.put("pending-chunks", 0);
                m.put("removed-bytes", 0);
                m.put("removed-chunks", 0);
                m.put("removed-bad", 0);
                m.put("still-bad", 0);
                if (s.gcState != null) {
                    m.put("last-run-state", s.gcState);
                    m.put("last-run-endtime", s.gcEnd);
                }
                return m;
            }
            case "POST /admin/datastore/{store}/gc" -> {
                PbsState.Store s = store(p);
                return state.tasks.start("garbage_collection", s.name, "root@pam", t -> {
                    t.log("starting garbage collection on store " + s.name);
                    t.onSuccess(() -> {
                        s.gcState = "ok";
                        s.gcEnd = Instant.now().getEpochSecond();
                    });
                    t.onFailure(() -> {
                        s.gcState = "error";
                        s.gcEnd = Instant.now().getEpochSecond();
                    });
                });
            }
            case "GET /nodes/{node}/time" -> {
                long now = Instant.now().getEpochSecond();
                return Map.of("time", now, "localtime", now, "timezone", state.timeZone);
            }
            case "GET /admin/datastore/{store}/namespace" -> {
                List<Object> out = new ArrayList<>();
                store(p).namespaces.forEach(ns -> out.add(Map.of("ns", ns)));
                return out;
            }
            case "POST /admin/datastore/{store}/namespace" -> {
                PbsState.Store s = store(p);
                String parent = p.getOrDefault("parent", "");
                if (!s.namespaces.contains(parent)) {
                    throw new ApiError(400, "parent namespace '" + parent + "' does not exist");
                }
                String ns = parent.isEmpty() ? p.get("name") : parent + "/" + p.get("name");
                if (ns.split("/").length > 7) {
                    throw new ApiError(400, "namespace '" + ns + "' is too deep: at most 7 names below the root (8 levels with the root)");
                }
                if (!s.namespaces.add(ns)) {
                    throw new ApiError(400, "namespace '" + ns + "' already exists");
                }
                return ns;
            }
            case "DELETE /admin/datastore/{store}/namespace" -> {
                PbsState.Store s = store(p);
                String ns = p.get("ns");
                if (!s.namespaces.contains(ns)) {
                    throw new ApiError(404, "namespace '" + ns + "' does not exist");
                }
                boolean holds = s.namespaces.stream().anyMatch(n -> n.startsWith(ns + "/")) || !s.in(ns).isEmpty();
                if (holds && !flag(p, "delete-groups", false)) {
                    throw new ApiError(400, "namespace '" + ns + "' is not empty");
                }
                boolean anyProtected = s.snapshots.entrySet().stream().filter(e -> e.getKey().equals(ns) || e.getKey().startsWith(ns + "/"))
                        .anyMatch(e -> e.getValue().values().stream().anyMatch(sn -> sn.isProtected));
                if (anyProtected && flag(p, "error-on-protected", true)) {
                    throw new ApiError(400, "namespace '" + ns + "' holds protected snapshots");
                }
                s.namespaces.removeIf(n -> n.equals(ns) || n.startsWith(ns + "/"));
                s.snapshots.keySet().removeIf(n -> n.equals(ns) || n.startsWith(ns + "/"));
                return null;
            }
            case "GET /admin/datastore/{store}/groups" -> {
                Map<String, List<PbsState.Snap>> groups = new java.util.TreeMap<>();
                snapshotsIn(p).forEach(sn -> groups.computeIfAbsent(sn.group(), k -> new ArrayList<>()).add(sn));
                List<Object> out = new ArrayList<>();
                groups.forEach((g, list) -> {
                    PbsState.Snap last = list.stream().max(java.util.Comparator.comparingLong(sn -> sn.time)).orElseThrow();
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("backup-type", last.type);
                    m.put("backup-id", last.id);
                    m.put("last-backup", last.time);
                    m.put("backup-count", list.size());
                    m.put("owner", last.owner);
                    m.put("files", List.of());
                    out.add(m);
                });
                return out;
            }
            case "GET /admin/datastore/{store}/snapshots" -> {
                List<Object> out = new ArrayList<>();
                for (PbsState.Snap sn : snapshotsIn(p)) {
                    if (p.containsKey("backup-type") && !(sn.type.equals(p.get("backup-type")) && sn.id.equals(p.get("backup-id")))) {
                        continue;
                    }
                    out.add(view(sn));
                }
                if (state.scrambled) {
                    java.util.Collections.shuffle(out, new java.util.Random(out.size()));
                }
                return out;
            }
            case "DELETE /admin/datastore/{store}/snapshots" -> {
                PbsState.Snap sn = snapshot(p);
                if (sn.isProtected) {
                    throw new ApiError(400, "cannot remove protected snapshot " + sn.path());
                }
                store(p).in(p.getOrDefault("ns", "")).remove(sn.path());
                state.log.add("removed " + sn.path());
                return null;
            }
            case "GET /admin/datastore/{store}/protected" -> {
                return snapshot(p).isProtected;
            }
            case "PUT /admin/datastore/{store}/protected" -> {
                String v = p.get("protected");
                snapshot(p).isProtected = "1".equals(v) || "true".equals(v);
                return null;
            }
            case "GET /admin/datastore/{store}/notes" -> {
                return snapshot(p).notes;
            }
            case "PUT /admin/datastore/{store}/notes" -> {
                snapshot(p).notes = p.get("notes");
                return null;
            }
            case "GET /nodes/{node}/tasks/{upid}/status" -> {
                String upid = p.get("upid");
                if (!state.tasks.exists(upid)) {
                    throw new ApiError(404, "task '" + upid + "' does not exist");
                }
                String exit = state.tasks.exitStatus(upid);
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("upid", upid);
                m.put("node", upid.split(":")[1]);
                m.put("status", exit == null ? "running" : "stopped");
                if (exit != null) {
                    m.put("exitstatus", exit);
                }
                return m;
            }
            case "GET /nodes/{node}/tasks/{upid}/log" -> {
                List<Object> out = new ArrayList<>();
                List<String> lines = state.tasks.log(p.get("upid"));
                for (int i = 0; i < lines.size(); i++) {
                    out.add(Map.of("n", i + 1, "t", lines.get(i)));
                }
                return out;
            }
            case "POST /admin/datastore/{store}/change-owner" -> {
                List<PbsState.Snap> group = snapshotsIn(p).stream()
                        .filter(sn -> sn.type.equals(p.get("backup-type")) && sn.id.equals(p.get("backup-id"))).toList();
                if (group.isEmpty()) {
                    throw new ApiError(404, "backup group " + p.get("backup-type") + "/" + p.get("backup-id") + " does not exist");
                }
                group.forEach(sn -> sn.owner = p.get("new-owner"));
                return null;
            }
            case "POST /admin/datastore/{store}/verify" -> {
                return verify(p);
            }
            case "POST /admin/datastore/{store}/prune" -> {
                return prune(p);
            }
            default -> {
                return config.handle(method, template, p);
            }
        }
    }

    /** A group's prune, answered with the core retention engine in the host's time zone: what stays and what goes. */
    private Object prune(Map<String, String> p) {
        boolean dryRun = flag(p, "dry-run", false);
        return pruneGroup(store(p), p.getOrDefault("ns", ""), p.get("backup-type"), p.get("backup-id"), p, dryRun);
    }

    /** Prunes one group of namespace {@code ns} by the {@code keep-*} options of {@code p}; the decisions, as PBS lists them. */
    List<Object> pruneGroup(PbsState.Store store, String ns, String type, String id, Map<String, ?> p, boolean dryRun) {
        return PbsPrune.group(store, state.timeZone, ns, type, id, p, dryRun);
    }

    /** Verifies a snapshot, a group or the namespace and below, as a task; a damaged snapshot fails it. */
    private Object verify(Map<String, String> p) {
        PbsState.Store s = store(p);
        String ns = p.getOrDefault("ns", "");
        List<PbsState.Snap> scope = new ArrayList<>();
        String type = "verify";
        if (p.containsKey("backup-type")) {
            type = p.containsKey("backup-time") ? "verify_snapshot" : "verify_group";
            for (PbsState.Snap sn : snapshotsIn(p)) {
                if (sn.type.equals(p.get("backup-type")) && sn.id.equals(p.get("backup-id"))
                        && (!p.containsKey("backup-time") || String.valueOf(sn.time).equals(p.get("backup-time")))) {
                    scope.add(sn);
                }
            }
            if (scope.isEmpty()) {
                throw new ApiError(404, "no such snapshot or group " + p.get("backup-type") + "/" + p.get("backup-id"));
            }
        } else {
            snapshotsIn(p);
            s.snapshots.forEach((n, snaps) -> {
                if (n.equals(ns) || ns.isEmpty() || n.startsWith(ns + "/")) {
                    scope.addAll(snaps.values());
                }
            });
        }
        boolean skipOk = flag(p, "ignore-verified", false);
        List<PbsState.Snap> todo = scope.stream().filter(sn -> sn.finished && !(skipOk && "ok".equals(sn.verification))).toList();
        boolean damaged = todo.stream().anyMatch(sn -> sn.corrupt);
        if (damaged) {
            state.tasks.engine().failNextTask("verification failed - please check the log for details");
        }
        return state.tasks.start(type, s.name, "root@pam", t -> {
            todo.forEach(sn -> t.log("verify " + s.name + ":" + sn.path()));
            t.onSuccess(() -> todo.forEach(sn -> sn.verification = sn.corrupt ? "failed" : "ok"));
            t.onFailure(() -> todo.forEach(sn -> sn.verification = sn.corrupt ? "failed" : "ok"));
        });
    }

    static boolean flag(Map<String, ?> p, String name, boolean otherwise) {
        Object v = p.get(name);
        return v == null ? otherwise : "1".equals(String.valueOf(v)) || "true".equals(String.valueOf(v));
    }

    /** A file of a snapshot's list, its fields in the order PBS's {@code BackupContent} has them. */
    private static Map<String, Object> file(String name, Long size) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("filename", name);
        f.put("crypt-mode", "none");
        if (size != null) {
            f.put("size", size);
        }
        return f;
    }

    private static Map<String, Object> view(PbsState.Snap sn) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("backup-type", sn.type);
        m.put("backup-id", sn.id);
        m.put("backup-time", sn.time);
        m.put("protected", sn.isProtected);
        m.put("owner", sn.owner);
        if (!sn.notes.isEmpty()) {
            m.put("comment", sn.notes.lines().findFirst().orElse(""));
        }
        if (sn.finished) {
            // As PBS sends them (an erratum: the schema says strings): objects with a file name.
            m.put("files", List.of(file("index.json.blob", null), file("drive-scsi0.img.fidx", sn.size)));
            m.put("size", sn.size);
            if (sn.verification != null) {
                m.put("verification", Map.of("state", sn.verification, "upid",
                        "UPID:pbs:00000001:00000001:00000001:" + String.format("%08X", sn.time) + ":verify:x:root@pam:"));
            }
        } else {
            m.put("files", List.of(file("drive-scsi0.img.fidx", null)));
        }
        return m;
    }

    PbsState.Store store(Map<String, String> p) {
        PbsState.Store s = state.stores.get(p.get("store"));
        if (s == null) {
            throw new ApiError(404, "datastore '" + p.get("store") + "' does not exist");
        }
        return s;
    }

    List<PbsState.Snap> snapshotsIn(Map<String, String> p) {
        PbsState.Store s = store(p);
        String ns = p.getOrDefault("ns", "");
        if (!s.namespaces.contains(ns)) {
            throw new ApiError(404, "namespace '" + ns + "' does not exist");
        }
        return new ArrayList<>(s.in(ns).values());
    }

    private PbsState.Snap snapshot(Map<String, String> p) {
        String path = p.get("backup-type") + "/" + p.get("backup-id") + "/" + Instant.ofEpochSecond(dev.ops.core.text.AsciiNumbers.parseLong(p.get("backup-time")));
        PbsState.Snap sn = snapshotsIn(p).stream().filter(x -> x.path().equals(path)).findFirst().orElse(null);
        if (sn == null) {
            throw new ApiError(404, "snapshot " + path + " does not exist");
        }
        return sn;
    }

    private byte[] serialize(Object body) {
        try {
            return mapper.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private MockResponse answer(int status, String reason, Cached body, boolean deflate) {
        MockResponse.Builder b = new MockResponse.Builder().status("HTTP/1.1 " + status + " " + reason.replaceAll("[^\\x20-\\x7e]", " ").trim())
                .setHeader("Content-Type", "application/json;charset=UTF-8").setHeader("Server", "proxmox-backup-api");
        if (deflate) {
            return b.setHeader("Content-Encoding", "deflate").chunkedBody(new okio.Buffer().write(body.deflated()), PbsCompression.CHUNK).build();
        }
        return b.body(new okio.Buffer().write(body.body)).build();
    }

    private MockResponse json(int status, String reason, Object body, boolean deflate) {
        return answer(status, reason, new Cached(serialize(body)), deflate);
    }
}
