package dev.ops.pve.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ops.core.json.internal.Json;
import dev.ops.core.secret.Secret;
import dev.ops.pve.PveClient;
import dev.ops.pve.RetryPolicy;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;

/**
 * A small stateful Proxmox VE stand-in on MockWebServer for the client's tests: guests with config,
 * digest, power state and snapshots; tasks; HA; storage content; permissions. Every request is
 * recorded and checked against the real API schema ({@link PveSchema}); {@link #schemaProblems()}
 * lists what did not conform. Errors can be scripted per method and path.
 */
public final class MiniPve extends Dispatcher implements AutoCloseable {
    public static final String TOKEN_USER = "root@pam";
    public static final String TOKEN_ID = "ops";
    public static final String TOKEN_SECRET = "5b6f0c5e-3c1d-4a53-9d43-0c3f0b2f7a11";

    /** The stand-in's self-signed certificate, made once for all of them (clients pin its fingerprint). */
    private static final okhttp3.tls.HeldCertificate CERTIFICATE = new okhttp3.tls.HeldCertificate.Builder()
            .commonName("mini-pve").addSubjectAlternativeName("127.0.0.1").addSubjectAlternativeName("localhost").build();
    private static final okhttp3.tls.HandshakeCertificates SERVER_TLS = new okhttp3.tls.HandshakeCertificates.Builder()
            .heldCertificate(CERTIFICATE).build();

    public final MockWebServer server = new MockWebServer();
    public final List<Req> requests = new CopyOnWriteArrayList<>();
    private final List<String> schemaProblems = new CopyOnWriteArrayList<>();
    private final Map<String, Deque<MockResponse>> scripted = new ConcurrentHashMap<>();
    public final Map<Integer, GuestState> guests = new ConcurrentHashMap<>();
    public final Map<String, TaskState> tasks = new ConcurrentHashMap<>();
    public final Map<String, Map<String, String>> ha = new ConcurrentHashMap<>();
    public final Map<String, String> volumes = new ConcurrentHashMap<>();
    public final Map<String, Set<String>> permissions = new ConcurrentHashMap<>();
    public final Set<String> nodes = Collections.newSetFromMap(new ConcurrentHashMap<>());
    private final AtomicInteger pid = new AtomicInteger(0x1000);
    /** How many status polls a new task stays running for. */
    public volatile int taskRunningPolls = 0;
    /** The exit status new tasks end with. */
    public volatile String taskExit = "OK";
    /** The exit status of the next task only (then {@link #taskExit} again). */
    public volatile String nextTaskExit = null;
    public volatile String password = "s3cret-pass";
    public volatile String totpCode = null;
    public final List<String> ticketsIssued = new CopyOnWriteArrayList<>();

    /** One request as the server saw it. */
    public record Req(String method, String path, String encodedPath, Map<String, List<String>> params, RecordedRequest raw) {
        public String param(String name) {
            List<String> v = params.get(name);
            return v == null ? null : v.get(0);
        }
    }

    /** A guest's state. */
    public static final class GuestState {
        public String node;
        public final String type;
        public final Map<String, String> config = new TreeMap<>();
        public volatile boolean running;
        public volatile boolean suspended;
        public final Map<String, String> snapshots = new LinkedHashMap<>();

        GuestState(String node, String type) {
            this.node = node;
            this.type = type;
        }

        public String digest() {
            try {
                return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(config.toString().getBytes(StandardCharsets.UTF_8)));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** A task's state. */
    public static final class TaskState {
        public final String upid;
        public volatile int runningPolls;
        public final String exit;
        public final List<String> log = new ArrayList<>();
        public final AtomicInteger polls = new AtomicInteger();

        TaskState(String upid, int runningPolls, String exit) {
            this.upid = upid;
            this.runningPolls = runningPolls;
            this.exit = exit;
        }
    }

    private MiniPve() {
        server.setServerSocketFactory(new NoDelayServerSockets());
        // TLS, as pveproxy: a client refuses plain HTTP, which would carry the token in clear text.
        server.useHttps(SERVER_TLS.sslSocketFactory(), false);
        server.setDispatcher(this);
        nodes.add("pve1");
        nodes.add("pve2");
        volumes.put("local:iso/debian-12.iso", "iso");
    }

    /** Starts a stand-in speaking HTTPS with a self-signed certificate (see {@link #fingerprint()}). */
    public static MiniPve start() {
        MiniPve m = new MiniPve();
        try {
            m.server.start();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return m;
    }

    /** The base URL, {@code https://127.0.0.1:PORT/}. */
    public String url() {
        return server.url("/").toString();
    }

    /** The TLS socket factory of the stand-in's certificate, for other stand-ins to speak HTTPS with the same {@link #fingerprint()}. */
    public static javax.net.ssl.SSLSocketFactory serverSocketFactory() {
        return SERVER_TLS.sslSocketFactory();
    }

    /** The SHA-256 fingerprint of the server's certificate, for {@link PveClient.Builder#pinnedCertificate(String)}. */
    public static String fingerprint() {
        return dev.ops.pve.internal.Tls.fingerprint(CERTIFICATE.certificate());
    }

    /** A builder for a token client of this server (its certificate pinned), with fast retries. */
    public PveClient.Builder clientBuilder() {
        return PveClient.builder().baseUrl(url()).name("lab").pinnedCertificate(fingerprint())
                .apiToken(TOKEN_USER, TOKEN_ID, Secret.of(TOKEN_SECRET))
                .retryPolicy(new RetryPolicy(3, Duration.ofMillis(1), Duration.ofMillis(5), Duration.ofSeconds(5)))
                .pollPolicy(new dev.ops.pve.task.PollPolicy(Duration.ofMillis(1), 1.5, Duration.ofMillis(20), 0))
                .readTimeout(Duration.ofSeconds(5));
    }

    public PveClient client() {
        return clientBuilder().build();
    }

    /** Adds a guest. */
    public GuestState addGuest(String node, String type, int vmid, String name) {
        GuestState g = new GuestState(node, type);
        g.config.put(type.equals("qemu") ? "name" : "hostname", name);
        g.config.put("memory", "2048");
        g.config.put("cores", "1");
        guests.put(vmid, g);
        return g;
    }

    /** The next answer to {@code METHOD /path} (concrete, without /api2/json) is {@code response}. */
    public void script(String method, String path, MockResponse response) {
        scripted.computeIfAbsent(method + " " + path, k -> new ArrayDeque<>()).add(response);
    }

    /** An error answer as Proxmox sends it: the message in the reason phrase, {@code data: null}. */
    public static MockResponse error(int code, String message) {
        return new MockResponse().setStatus("HTTP/1.1 " + code + " " + message).setHeader("Content-Type", "application/json")
                .setBody("{\"data\":null}");
    }

    /** A 400 with per-field errors. */
    public static MockResponse fieldErrors(Map<String, String> errors) {
        ObjectNode root = Json.mapper().createObjectNode();
        root.putNull("data");
        ObjectNode e = root.putObject("errors");
        errors.forEach(e::put);
        return new MockResponse().setStatus("HTTP/1.1 400 Parameter verification failed.").setHeader("Content-Type", "application/json")
                .setBody(root.toString());
    }

    public static MockResponse ok(Object data) {
        ObjectNode root = Json.mapper().createObjectNode();
        root.set("data", Json.mapper().valueToTree(data));
        return new MockResponse().setHeader("Content-Type", "application/json").setBody(root.toString());
    }

    /** Resource pools: id to member VMIDs. */
    public final Map<String, java.util.Set<Integer>> pools = new ConcurrentHashMap<>();

    private MockResponse pools(String m, Req r) {
        String id = r.param("poolid");
        switch (m) {
            case "GET" -> {
                List<Map<String, Object>> out = new ArrayList<>();
                pools.forEach((pid, vms) -> {
                    if (id == null || id.equals(pid)) {
                        Map<String, Object> e = new LinkedHashMap<>();
                        e.put("poolid", pid);
                        if (id != null) {
                            e.put("members", vms.stream().map(v -> Map.of("id", "qemu/" + v, "type", "qemu", "vmid", v, "node", "pve1")).toList());
                        }
                        out.add(e);
                    }
                });
                if (id != null && out.isEmpty()) {
                    return error(500, "pool '" + id + "' does not exist");
                }
                return ok(out);
            }
            case "POST" -> {
                if (pools.putIfAbsent(id, new java.util.TreeSet<>()) != null) {
                    return error(500, "create pool failed: pool '" + id + "' already exists");
                }
                return ok(null);
            }
            case "PUT" -> {
                java.util.Set<Integer> vms = pools.get(id);
                if (vms == null) {
                    return error(500, "pool '" + id + "' does not exist");
                }
                for (String v : r.param("vms") == null ? new String[0] : r.param("vms").split(",")) {
                    if ("1".equals(r.param("delete"))) {
                        vms.remove(Integer.parseInt(v));
                    } else {
                        vms.add(Integer.parseInt(v));
                    }
                }
                return ok(null);
            }
            default -> {
                return pools.remove(id) == null ? error(500, "pool '" + id + "' does not exist") : ok(null);
            }
        }
    }

    public List<String> schemaProblems() {
        return List.copyOf(schemaProblems);
    }

    /** Requests with this method whose path ends with {@code suffix}. */
    public List<Req> requests(String method, String pathSuffix) {
        return requests.stream().filter(r -> r.method().equals(method) && r.path().endsWith(pathSuffix)).toList();
    }

    /** Creates a finished (or, with {@link #taskRunningPolls}, running) task and returns its UPID. */
    public String newTask(String node, String type, String id) {
        int n = pid.incrementAndGet();
        String upid = String.format("UPID:%s:%08X:%08X:%08X:%s:%s:%s!%s:", node, n, 0x2A3B4C, 0x6740_0000 + n, type, id, TOKEN_USER, TOKEN_ID);
        String exit = nextTaskExit != null ? nextTaskExit : taskExit;
        nextTaskExit = null;
        TaskState t = new TaskState(upid, taskRunningPolls, exit);
        t.log.add("starting " + type + " " + id);
        if (!exit.equals("OK")) {
            t.log.add("WARN: something odd");
            t.log.add(exit.startsWith("WARNINGS") ? "TASK " + exit : "TASK ERROR: " + exit);
        }
        tasks.put(upid, t);
        return upid;
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) {
        String full = request.getRequestUrl().encodedPath();
        String encodedPath = full.startsWith("/api2/json") ? full.substring("/api2/json".length()) : full;
        String path = decodePath(encodedPath);
        String method = request.getMethod();
        Map<String, List<String>> params = params(request);
        Req req = new Req(method, path, encodedPath, params, request);
        requests.add(req);
        schemaProblems.addAll(PveSchema.load().check(method, encodedPath, params));
        Deque<MockResponse> s = scripted.get(method + " " + path);
        if (s != null && !s.isEmpty()) {
            return s.poll();
        }
        if (path.equals("/access/ticket") && method.equals("POST")) {
            return ticket(req);
        }
        String auth = request.getHeader("Authorization");
        String cookie = request.getHeader("Cookie");
        boolean tokenOk = ("PVEAPIToken=" + TOKEN_USER + "!" + TOKEN_ID + "=" + TOKEN_SECRET).equals(auth);
        String ticket = cookie != null && cookie.startsWith("PVEAuthCookie=") ? cookie.substring("PVEAuthCookie=".length()) : null;
        boolean ticketOk = ticket != null && ticketsIssued.contains(ticket);
        if (!tokenOk && !ticketOk) {
            return error(401, "authentication failure");
        }
        if (ticketOk && !method.equals("GET") && !("csrf-" + ticket).equals(request.getHeader("CSRFPreventionToken"))) {
            return error(401, "Permission denied - invalid csrf token");
        }
        try {
            return route(req);
        } catch (RuntimeException e) {
            return error(500, e.getMessage());
        }
    }

    private MockResponse ticket(Req req) {
        String user = req.param("username");
        String pass = req.param("password");
        String challenge = req.param("tfa-challenge");
        if (challenge != null) {
            if (("totp:" + totpCode).equals(pass) && challenge.contains("!tfa!")) {
                return issue(user);
            }
            return error(401, "authentication failure");
        }
        boolean ok = password.equals(pass) || ticketsIssued.contains(pass);
        if (!ok) {
            return error(401, "authentication failure");
        }
        if (totpCode != null && !ticketsIssued.contains(pass)) {
            return ok(Map.of("username", user, "ticket", "PVE:" + user + ":6740AAAA::!tfa!{\"totp\":true}", "NeedTFA", 1,
                    "CSRFPreventionToken", "csrf-partial"));
        }
        return issue(user);
    }

    private MockResponse issue(String user) {
        String t = "PVE:" + user + ":6740" + String.format("%04X", ticketsIssued.size()) + "::sig" + ticketsIssued.size();
        ticketsIssued.add(t);
        return ok(Map.of("username", user, "ticket", t, "CSRFPreventionToken", "csrf-" + t));
    }

    private static final Pattern GUEST = Pattern.compile("^/nodes/([^/]+)/(qemu|lxc)/(\\d+)(/.*)?$");

    private MockResponse route(Req r) {
        String p = r.path();
        String m = r.method();
        if (p.equals("/version")) {
            return ok(Map.of("version", "9.1.1", "release", "9.1", "repoid", "abc123", "console", "xtermjs"));
        }
        if (p.equals("/cluster/status")) {
            List<Map<String, Object>> out = new ArrayList<>();
            out.add(Map.of("type", "cluster", "name", "lab", "quorate", 1, "nodes", nodes.size(), "id", "cluster"));
            nodes.forEach(n -> out.add(Map.of("type", "node", "name", n, "online", 1, "ip", "10.0.0.1", "id", "node/" + n)));
            return ok(out);
        }
        if (p.equals("/cluster/resources")) {
            List<Map<String, Object>> out = new ArrayList<>();
            String type = r.param("type");
            guests.forEach((id, g) -> {
                if (type == null || type.equals("vm")) {
                    out.add(Map.of("id", g.type + "/" + id, "type", g.type, "vmid", id, "node", g.node, "name",
                            g.config.getOrDefault("name", g.config.getOrDefault("hostname", "")), "status", g.running ? "running" : "stopped",
                            "newfield", "x"));
                }
            });
            if (type == null || type.equals("node")) {
                nodes.forEach(n -> out.add(Map.of("id", "node/" + n, "type", "node", "node", n, "status", "online")));
            }
            return ok(out);
        }
        if (p.equals("/cluster/nextid")) {
            String want = r.param("vmid");
            if (want != null) {
                int id = Integer.parseInt(want);
                if (guests.containsKey(id)) {
                    return fieldErrors(Map.of("vmid", "VM " + id + " already exists"));
                }
                return ok(String.valueOf(id));
            }
            int id = 100;
            while (guests.containsKey(id)) {
                id++;
            }
            return ok(String.valueOf(id));
        }
        if (p.equals("/nodes")) {
            List<Map<String, Object>> out = new ArrayList<>();
            nodes.forEach(n -> out.add(Map.of("node", n, "status", "online", "type", "node", "maxcpu", 8)));
            return ok(out);
        }
        if (p.equals("/access/permissions")) {
            String path = r.param("path");
            ObjectNode out = Json.mapper().createObjectNode();
            ObjectNode privs = out.putObject(path);
            permissions.getOrDefault(path, Set.of()).forEach(x -> privs.put(x, 1));
            return ok(out);
        }
        if (p.equals("/pools")) {
            return pools(m, r);
        }
        if (p.equals("/cluster/ha/resources")) {
            if (m.equals("GET")) {
                List<Map<String, String>> out = new ArrayList<>();
                ha.forEach((sid, v) -> {
                    Map<String, String> e = new LinkedHashMap<>(v);
                    e.put("sid", sid);
                    out.add(e);
                });
                return ok(out);
            }
            Map<String, String> v = new LinkedHashMap<>();
            for (String key : List.of("state", "group", "comment", "max_restart", "max_relocate", "failback")) {
                if (r.param(key) != null) {
                    v.put(key, r.param(key));
                }
            }
            if (ha.putIfAbsent(r.param("sid"), v) != null) {
                return error(500, "resource ID '" + r.param("sid") + "' already defined");
            }
            return ok(null);
        }
        if (p.startsWith("/cluster/ha/resources/") && m.equals("DELETE")) {
            ha.remove(p.substring("/cluster/ha/resources/".length()));
            return ok(null);
        }
        Matcher nm = Pattern.compile("^/nodes/([^/]+)(/.*)?$").matcher(p);
        if (nm.matches() && !nodes.contains(nm.group(1))) {
            return error(595, "no such cluster node '" + nm.group(1) + "'");
        }
        Matcher gm = GUEST.matcher(p);
        if (gm.matches()) {
            return guest(r, gm.group(1), gm.group(2), Integer.parseInt(gm.group(3)), gm.group(4) == null ? "" : gm.group(4));
        }
        Matcher list = Pattern.compile("^/nodes/([^/]+)/(qemu|lxc)$").matcher(p);
        if (list.matches()) {
            String node = list.group(1);
            String type = list.group(2);
            if (m.equals("GET")) {
                List<Map<String, Object>> out = new ArrayList<>();
                guests.forEach((id, g) -> {
                    if (g.node.equals(node) && g.type.equals(type)) {
                        out.add(Map.of("vmid", id, "name", g.config.getOrDefault(type.equals("qemu") ? "name" : "hostname", ""), "status",
                                g.running ? "running" : "stopped"));
                    }
                });
                return ok(out);
            }
            int vmid = Integer.parseInt(r.param("vmid"));
            if (guests.containsKey(vmid) && !"1".equals(r.param("force"))) {
                return error(500, "unable to create VM " + vmid + " - VM " + vmid + " already exists on node '" + node + "'");
            }
            GuestState g = new GuestState(node, type);
            r.params().forEach((k, v) -> {
                if (!Set.of("vmid", "node", "start", "force", "unique", "archive", "restore", "storage", "pool", "password",
                        "ssh-public-keys", "ostemplate").contains(k)) {
                    g.config.put(k, v.get(0));
                }
            });
            guests.put(vmid, g);
            return ok(newTask(node, type.equals("qemu") ? "qmcreate" : "vzcreate", String.valueOf(vmid)));
        }
        Matcher st = Pattern.compile("^/nodes/([^/]+)/storage(?:/([^/]+)(/.*)?)?$").matcher(p);
        if (st.matches()) {
            String node = st.group(1);
            String storage = st.group(2);
            String rest = st.group(3) == null ? "" : st.group(3);
            if (storage == null) {
                return ok(List.of(Map.of("storage", "local", "type", "dir", "content", "iso,vztmpl,backup", "active", 1, "enabled", 1),
                        Map.of("storage", "local-lvm", "type", "lvmthin", "content", "images,rootdir", "active", 1, "enabled", 1)));
            }
            if (rest.equals("/content") && m.equals("GET")) {
                List<Map<String, Object>> out = new ArrayList<>();
                volumes.forEach((volid, content) -> {
                    if (volid.startsWith(storage + ":")) {
                        out.add(Map.of("volid", volid, "content", content, "size", 1024, "format", content.equals("iso") ? "iso" : "raw"));
                    }
                });
                return ok(out);
            }
            if (rest.startsWith("/content/") && m.equals("DELETE")) {
                volumes.remove(rest.substring("/content/".length()));
                return ok(newTask(node, "imgdel", ""));
            }
            if (rest.equals("/download-url") || rest.equals("/upload")) {
                String filename = r.param("filename");
                String content = r.param("content");
                volumes.put(storage + ":" + content + "/" + filename, content);
                return ok(newTask(node, rest.equals("/upload") ? "imgcopy" : "download", storage));
            }
        }
        Matcher tm = Pattern.compile("^/nodes/([^/]+)/tasks(?:/([^/]+)/(status|log))?$").matcher(p);
        if (tm.matches()) {
            if (tm.group(2) == null) {
                List<Map<String, Object>> out = new ArrayList<>();
                tasks.values().forEach(t -> out.add(Map.of("upid", t.upid, "status", t.exit, "type", "x")));
                return ok(out);
            }
            TaskState t = tasks.get(tm.group(2));
            if (t == null) {
                return error(500, "no such task");
            }
            if (tm.group(3).equals("status")) {
                int n = t.polls.incrementAndGet();
                boolean running = n <= t.runningPolls;
                Map<String, Object> out = new LinkedHashMap<>();
                out.put("upid", t.upid);
                out.put("status", running ? "running" : "stopped");
                if (!running) {
                    out.put("exitstatus", t.exit);
                }
                return ok(out);
            }
            int start = r.param("start") == null ? 0 : Integer.parseInt(r.param("start"));
            int limit = r.param("limit") == null ? 50 : Integer.parseInt(r.param("limit"));
            ArrayNode lines = Json.mapper().createArrayNode();
            for (int i = start; i < Math.min(t.log.size(), start + limit); i++) {
                lines.addObject().put("n", i + 1).put("t", t.log.get(i));
            }
            ObjectNode root = Json.mapper().createObjectNode();
            root.set("data", lines);
            root.put("total", t.log.size());
            return new MockResponse().setHeader("Content-Type", "application/json").setBody(root.toString());
        }
        if (nm.matches() && nm.group(2) != null) {
            String node = nm.group(1);
            switch (nm.group(2)) {
                case "/status" -> {
                    return ok(Map.of("uptime", 1234, "pveversion", "pve-manager/9.1.1/abc", "memory", Map.of("total", 100, "used", 50)));
                }
                case "/network" -> {
                    return ok(List.of(Map.of("iface", "vmbr0", "type", "bridge", "cidr", "10.0.0.1/24", "bridge_ports", "eno1", "active", 1),
                            Map.of("iface", "eno1", "type", "eth", "active", 1)));
                }
                case "/vzdump" -> {
                    volumes.put(r.param("storage") + ":backup/vzdump-qemu-" + r.param("vmid") + ".vma.zst", "backup");
                    return ok(newTask(node, "vzdump", r.param("vmid")));
                }
                default -> {
                }
            }
        }
        return error(501, "Method '" + m + " /api2/json" + p + "' not implemented");
    }

    private MockResponse guest(Req r, String node, String type, int vmid, String rest) {
        String m = r.method();
        GuestState g = guests.get(vmid);
        if (g == null || !g.node.equals(node) || !g.type.equals(type)) {
            return error(500, "Configuration file 'nodes/" + node + "/" + (type.equals("qemu") ? "qemu-server" : "lxc") + "/" + vmid
                    + ".conf' does not exist");
        }
        String kind = type.equals("qemu") ? "qm" : "vz";
        switch (rest) {
            case "/config" -> {
                if (m.equals("GET")) {
                    Map<String, Object> out = new LinkedHashMap<>(g.config);
                    out.put("digest", g.digest());
                    return ok(out);
                }
                String digest = r.param("digest");
                if (digest != null && !digest.equals(g.digest())) {
                    return error(500, "detected modified configuration - file changed by other user? Try again.");
                }
                synchronized (g) {
                    if (r.param("delete") != null) {
                        for (String k : r.param("delete").split("[,;\\s]+")) {
                            g.config.remove(k);
                        }
                    }
                    r.params().forEach((k, v) -> {
                        if (!Set.of("node", "vmid", "digest", "delete").contains(k)) {
                            g.config.put(k, v.get(0));
                        }
                    });
                }
                return ok(null);
            }
            case "/status/current" -> {
                Map<String, Object> out = new LinkedHashMap<>();
                out.put("vmid", vmid);
                out.put("status", g.running ? "running" : "stopped");
                out.put("name", g.config.getOrDefault("name", ""));
                if (type.equals("qemu")) {
                    out.put("qmpstatus", g.suspended ? "paused" : g.running ? "running" : "stopped");
                    out.put("ballooninfo", Map.of("actual", 1));
                }
                return ok(out);
            }
            case "/status/start", "/status/resume" -> {
                if (rest.endsWith("start") && g.running) {
                    return error(500, "VM " + vmid + " already running");
                }
                g.running = true;
                g.suspended = false;
                return ok(newTask(node, kind + rest.substring(8), String.valueOf(vmid)));
            }
            case "/status/stop", "/status/shutdown" -> {
                g.running = false;
                g.suspended = false;
                return ok(newTask(node, kind + rest.substring(8), String.valueOf(vmid)));
            }
            case "/status/reboot" -> {
                return ok(newTask(node, kind + "reboot", String.valueOf(vmid)));
            }
            case "/status/suspend" -> {
                g.suspended = true;
                return ok(newTask(node, kind + "suspend", String.valueOf(vmid)));
            }
            case "" -> {
                if (m.equals("DELETE")) {
                    if (g.running) {
                        return error(500, "VM " + vmid + " is running - destroy failed");
                    }
                    guests.remove(vmid);
                    return ok(newTask(node, kind + "destroy", String.valueOf(vmid)));
                }
                return ok(List.of(Map.of("subdir", "config")));
            }
            case "/template" -> {
                g.config.put("template", "1");
                return type.equals("qemu") ? ok(newTask(node, "qmtemplate", String.valueOf(vmid))) : ok(null);
            }
            case "/clone" -> {
                int newId = Integer.parseInt(r.param("newid"));
                if (guests.containsKey(newId)) {
                    return error(500, "unable to create VM " + newId + ": config file already exists");
                }
                String target = r.param("target") == null ? node : r.param("target");
                GuestState c = new GuestState(target, type);
                c.config.putAll(g.config);
                c.config.remove("template");
                String nameKey = type.equals("qemu") ? "name" : "hostname";
                if (r.param(nameKey) != null) {
                    c.config.put(nameKey, r.param(nameKey));
                }
                guests.put(newId, c);
                return ok(newTask(node, kind + "clone", String.valueOf(vmid)));
            }
            case "/migrate" -> {
                g.node = r.param("target");
                return ok(newTask(node, kind + "migrate", String.valueOf(vmid)));
            }
            case "/snapshot" -> {
                if (m.equals("GET")) {
                    List<Map<String, Object>> out = new ArrayList<>();
                    g.snapshots.forEach((name, desc) -> out.add(Map.of("name", name, "description", desc, "snaptime", 1_700_000_000)));
                    out.add(Map.of("name", "current", "description", "You are here!", "running", g.running ? 1 : 0));
                    return ok(out);
                }
                String name = r.param("snapname");
                if (g.snapshots.containsKey(name)) {
                    return error(500, "snapshot name '" + name + "' already used");
                }
                g.snapshots.put(name, r.param("description") == null ? "" : r.param("description"));
                return ok(newTask(node, kind + "snapshot", String.valueOf(vmid)));
            }
            default -> {
                Matcher sm = Pattern.compile("^/snapshot/([^/]+)(/rollback)?$").matcher(rest);
                if (sm.matches()) {
                    if (!g.snapshots.containsKey(sm.group(1))) {
                        return error(500, "snapshot '" + sm.group(1) + "' does not exist");
                    }
                    if (sm.group(2) != null) {
                        return ok(newTask(node, kind + "rollback", String.valueOf(vmid)));
                    }
                    if (m.equals("DELETE")) {
                        g.snapshots.remove(sm.group(1));
                        return ok(newTask(node, kind + "delsnapshot", String.valueOf(vmid)));
                    }
                }
                return error(501, "Method '" + m + " " + rest + "' not implemented");
            }
        }
    }

    private static String decodePath(String encoded) {
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
            String body = request.getBody().clone().readUtf8();
            for (String pair : body.split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                String k = URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8);
                String v = URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                out.computeIfAbsent(k, x -> new ArrayList<>()).add(v);
            }
        }
        if (ct != null && ct.startsWith("multipart/form-data")) {
            String boundary = ct.substring(ct.indexOf("boundary=") + "boundary=".length());
            String body = request.getBody().clone().readString(StandardCharsets.ISO_8859_1);
            for (String part : body.split("--" + Pattern.quote(boundary))) {
                int split = part.indexOf("\r\n\r\n");
                if (split < 0) {
                    continue;
                }
                String headers = part.substring(0, split);
                Matcher name = Pattern.compile("name=\"([^\"]+)\"").matcher(headers);
                if (!name.find()) {
                    continue;
                }
                Matcher file = Pattern.compile("filename=\"([^\"]+)\"").matcher(headers);
                String value = file.find() ? file.group(1) : part.substring(split + 4).replaceAll("\r\n$", "");
                out.computeIfAbsent(name.group(1), x -> new ArrayList<>()).add(value);
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
