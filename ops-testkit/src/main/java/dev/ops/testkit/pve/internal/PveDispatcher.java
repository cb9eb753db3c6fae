package dev.ops.testkit.pve.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.ops.testkit.pve.RecordedCall;
import dev.ops.testkit.pve.SchemaViolation;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import okhttp3.MediaType;
import okhttp3.MultipartReader;
import okio.Buffer;
import okio.BufferedSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns each HTTP request into PVE's answer: fault injection, routing through the schema trie,
 * authentication, parameter validation, permission check, then the handler under the cluster monitor.
 */
public final class PveDispatcher extends Dispatcher {

    private static final Logger LOG = LoggerFactory.getLogger(PveDispatcher.class);
    /** The API prefix every path sits under. */
    public static final String PREFIX = "/api2/json";

    /** A one-shot failure for the next request matching method and path. */
    public record Fault(String method, String path, Kind kind) {
        /** What the fault does. */
        public enum Kind { HANG, DISCONNECT, HTML_500 }

        boolean matches(String m, String concretePath, String template) {
            return (method == null || method.equalsIgnoreCase(m))
                    && (path == null || path.equals(concretePath) || path.equals(template));
        }
    }

    /** Parameters whose values are never recorded. */
    private static final java.util.Set<String> SECRET_PARAMS = java.util.Set.of("password", "new-password", "otp",
            "tfa-challenge", "cipassword", "confirmation-password");

    private final ObjectMapper mapper = new ObjectMapper().disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);
    private final ApiSchema schema;
    private final Cluster cluster;
    private final Auth auth;
    private final Handlers handlers;
    private final List<SchemaViolation> violations = Collections.synchronizedList(new ArrayList<>());
    /** How many requests {@link #calls()} remembers: a long-running fake must not grow without bound. */
    public static final int MAX_RECORDED_CALLS = 100_000;

    private final java.util.ArrayDeque<RecordedCall> calls = new java.util.ArrayDeque<>();
    /** How many writes were received and the last one: see {@link #writes()}. */
    private long writes;
    private String lastWrite = "";
    private final List<Fault> faults = Collections.synchronizedList(new ArrayList<>());
    private final ResponseCache cache = new ResponseCache();
    private volatile boolean compression = true;

    /** Wires the dispatcher to its state. */
    public PveDispatcher(ApiSchema schema, Cluster cluster, Auth auth, Handlers handlers) {
        this.schema = schema;
        this.cluster = cluster;
        this.auth = auth;
        this.handlers = handlers;
    }

    /** Every schema violation so far. */
    public List<SchemaViolation> violations() {
        synchronized (violations) {
            return List.copyOf(violations);
        }
    }

    /** Forgets recorded violations. */
    public void clearViolations() {
        violations.clear();
    }

    /** The most recent requests ({@value #MAX_RECORDED_CALLS} at most), oldest first. */
    public List<RecordedCall> calls() {
        synchronized (calls) {
            return List.copyOf(calls);
        }
    }

    /**
     * How many requests other than GETs (and logins at {@code POST /access/ticket}, which a client makes on its
     * own whenever it needs a ticket) the server received, answered or refused, with the last of them; not
     * cleared by {@link #reset()}. A plan, which may only read, leaves it as it was.
     */
    public String writes() {
        synchronized (calls) {
            return writes == 0 ? "no writes" : writes + " write(s), the last " + lastWrite;
        }
    }

    /** Queues an answer for the next request matching method and path (concrete or template). */
    public void addScripted(String method, String path, MockResponse response) {
        synchronized (scripted) {
            scripted.add(new Scripted(method, path, response));
        }
    }

    /** Forgets recorded calls and violations, pending faults and scripted answers, and cached answers. */
    public void reset() {
        synchronized (calls) {
            calls.clear();
        }
        violations.clear();
        faults.clear();
        synchronized (scripted) {
            scripted.clear();
        }
        cache.clear();
    }

    private record Scripted(String method, String path, MockResponse response) {}

    private final List<Scripted> scripted = new ArrayList<>();

    private MockResponse scripted(String method, String path, String template) {
        synchronized (scripted) {
            for (Iterator<Scripted> it = scripted.iterator(); it.hasNext(); ) {
                Scripted s = it.next();
                if (s.method().equalsIgnoreCase(method) && (s.path().equals(path) || s.path().equals(template))) {
                    it.remove();
                    return s.response();
                }
            }
        }
        return null;
    }

    /** Adds a one-shot fault. */
    public void addFault(Fault f) {
        faults.add(f);
    }

    /** Whether answers over 1 KiB are gzipped for clients that accept it, as pveproxy does unless COMPRESSION=0. */
    public void compression(boolean on) {
        this.compression = on;
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) {
        boolean gzip = compression && acceptsGzip(request.getHeaders().get("Accept-Encoding"));
        MockResponse response = answer(request, gzip);
        return gzip ? Compression.gzipped(response) : response;
    }

    private static Map<String, String> headers(RecordedRequest r) {
        Map<String, String> out = new java.util.TreeMap<>();
        for (String name : r.getHeaders().names()) {
            out.put(name.toLowerCase(java.util.Locale.ROOT), String.join(", ", r.getHeaders().values(name)));
        }
        return out;
    }

    private static boolean acceptsGzip(String acceptEncoding) {
        if (acceptEncoding == null) {
            return false;
        }
        for (String coding : acceptEncoding.split(",")) {
            String c = coding.trim().toLowerCase(java.util.Locale.ROOT);
            if (c.equals("gzip") || c.startsWith("gzip;") && !c.replace(" ", "").endsWith("q=0")) {
                return true;
            }
        }
        return false;
    }

    private MockResponse answer(RecordedRequest request, boolean gzip) {
        String method = request.getMethod() == null ? "GET" : request.getMethod();
        String target = request.getTarget();
        int q = target.indexOf('?');
        String rawPath = q < 0 ? target : target.substring(0, q);
        String query = q < 0 ? null : target.substring(q + 1);
        if (!rawPath.startsWith(PREFIX + "/") && !rawPath.equals(PREFIX)) {
            return record(request, method, rawPath, "", Map.of(), "", 404,
                    plain(404, "Not Found"));
        }
        String path = rawPath.substring(PREFIX.length());
        if (path.isEmpty()) {
            path = "/";
        }
        Optional<ApiSchema.Route> route = schema.route(path);
        String template = route.map(ApiSchema.Route::template).orElse("");

        MockResponse fault = fault(method, Http.decode(path), template);
        if (fault != null) {
            return record(request, method, path, template, Map.of(), "", Answers.plain(fault) ? 500 : 0, fault);
        }
        Map<String, Object> params = new LinkedHashMap<>();
        long[] upload = {-1};
        String principalId = "";
        try {
            Http.parseForm(query, params);
            parseBody(request, params, upload);
            MockResponse script = scripted(method, Http.decode(path), template);
            if (script != null) {
                int status = Answers.hangs(script) ? 0 : script.getCode();
                return record(request, method, path, template, flattenQuietly(params), "", status, script);
            }
            String notImplemented = "Method '" + method + " " + Http.decode(path) + "' not implemented";
            if (route.isEmpty() || !route.get().endpoints().containsKey(method)) {
                violation(method, path, 501, notImplemented, Map.of());
                throw new ApiError(501, notImplemented);
            }
            Endpoint ep = route.get().endpoints().get(method);
            params.putAll(route.get().pathParams());

            Auth.Principal principal = authenticate(request, method, ep);
            principalId = principal == null ? "" : principal.id();

            Map<String, String> errors = Validator.validate(ep, params);
            if (!errors.isEmpty()) {
                violation(method, path, 400, "Parameter verification failed.", errors);
                throw new ApiError(400, "Parameter verification failed.", errors);
            }
            Map<String, String> flat = flatten(params);
            if (principal != null) {
                String fail = Permissions.check(ep, auth, principal, flat);
                if (fail != null) {
                    throw new ApiError(403, "Permission check failed " + fail);
                }
            }
            Handlers.Handler h = handlers.handler(method, template);
            if (h == null) {
                if ("GET".equals(method) && !schema.literalChildren(template).isEmpty()) {
                    List<Object> dirs = schema.literalChildren(template).stream()
                            .map(s -> (Object) Map.of("subdir", s)).collect(Collectors.toList());
                    return record(request, method, path, template, flat, principalId, 200, ok(dirs));
                }
                LOG.warn("PVE fake: {} {} is valid but not implemented in the fake", method, template);
                throw new ApiError(501, "Method '" + method + " " + template + "' not implemented in fake");
            }
            Call call = new Call(ep, flat, principal, upload[0]);
            if (handlers.cacheable(method, template)) {
                return record(request, method, path, template, flat, principalId, 200, cachedRead(h, call, template, principalId, gzip));
            }
            Object data;
            synchronized (cluster) {
                try {
                    data = h.handle(call);
                } finally {
                    if (!"GET".equals(method)) {
                        cluster.changed();
                    }
                }
            }
            return record(request, method, path, template, flat, principalId, 200, ok(data));
        } catch (ApiError e) {
            return record(request, method, path, template, flattenQuietly(params), principalId, e.status(), error(e));
        } catch (RuntimeException | IOException e) {
            LOG.error("PVE fake: {} {} failed inside the fake", method, path, e);
            return record(request, method, path, template, flattenQuietly(params), principalId, 500,
                    error(new ApiError(500, "fake server error: " + e)));
        }
    }

    private MockResponse cachedRead(Handlers.Handler h, Call call, String template, String principalId, boolean gzip) {
        ResponseCache.Answer answer;
        synchronized (cluster) {
            ResponseCache.Key key = new ResponseCache.Key(template, call.params(), principalId);
            long version = cluster.version();
            long second = cluster.now();
            answer = cache.get(key, version, second);
            if (answer == null) {
                answer = new ResponseCache.Answer(bytes(okBody(h.handle(call))));
                cache.put(key, version, second, answer);
            }
        }
        if (gzip && answer.body().length > Compression.MIN_LENGTH) {
            return json(200, "OK", answer.gzipped()).setHeader("Content-Encoding", "gzip").build();
        }
        return json(200, "OK", answer.body()).build();
    }

    private MockResponse fault(String method, String path, String template) {
        Fault hit = null;
        synchronized (faults) {
            for (Iterator<Fault> it = faults.iterator(); it.hasNext(); ) {
                Fault f = it.next();
                if (f.matches(method, path, template)) {
                    hit = f;
                    it.remove();
                    break;
                }
            }
        }
        if (hit == null) {
            return null;
        }
        return switch (hit.kind()) {
            case HANG -> new MockResponse.Builder().onResponseStart(SocketEffect.Stall.INSTANCE).build();
            case DISCONNECT -> json(200, "OK", bytes(okBody(Map.of("filler", "x".repeat(64 * 1024)))))
                    .onResponseBody(new SocketEffect.CloseSocket()).build();
            case HTML_500 -> new MockResponse.Builder().status("HTTP/1.1 500 Internal Server Error")
                    .setHeader("Content-Type", "text/html; charset=utf-8")
                    .body("<!DOCTYPE html>\n<html><head><title>500 Internal Server Error</title></head>"
                            + "<body><h1>Internal Server Error</h1><p>proxy error</p></body></html>\n").build();
        };
    }

    private Auth.Principal authenticate(RecordedRequest request, String method, Endpoint ep) {
        if (Permissions.world(ep)) {
            return null;
        }
        String authz = request.getHeaders().get("Authorization");
        if (authz != null && authz.startsWith("PVEAPIToken")) {
            Auth.Principal p = auth.token(authz);
            if (!ep.allowToken()) {
                throw new ApiError(403, "Permission check failed (API tokens are not allowed for this call)");
            }
            return p;
        }
        String cookie = Http.cookies(request.getHeaders().get("Cookie")).get("PVEAuthCookie");
        if (cookie == null) {
            throw new ApiError(401, "No ticket");
        }
        String userid = auth.verifyTicket(Http.decode(cookie));
        if (userid.startsWith("!tfa!")) {
            throw new ApiError(401, "authentication failure - second factor required");
        }
        if (!"GET".equals(method)) {
            auth.verifyCsrf(userid, request.getHeaders().get("CSRFPreventionToken"));
        }
        return new Auth.Principal(userid, null, true);
    }

    private static void parseBody(RecordedRequest request, Map<String, Object> params, long[] upload) throws IOException {
        if (request.getBodySize() <= 0) {
            return;
        }
        String type = request.getHeaders().get("Content-Type");
        byte[] body = request.getBody() == null ? new byte[0] : request.getBody().toByteArray();
        if (type == null || type.startsWith("application/x-www-form-urlencoded")) {
            Http.parseForm(new String(body, java.nio.charset.StandardCharsets.UTF_8), params);
        } else if (type.startsWith("application/json")) {
            try {
                Http.parseJson(body, params);
            } catch (IOException e) {
                throw new ApiError(400, "Parameter verification failed.", Map.of("body", "invalid JSON body: " + e.getMessage()));
            }
        } else if (type.startsWith("multipart/form-data")) {
            MediaType mt = MediaType.parse(type);
            String boundary = mt == null ? null : mt.parameter("boundary");
            if (boundary == null) {
                throw new ApiError(400, "Parameter verification failed.", Map.of("body", "multipart without boundary"));
            }
            try (MultipartReader reader = new MultipartReader(new Buffer().write(body), boundary)) {
                MultipartReader.Part part;
                while ((part = reader.nextPart()) != null) {
                    String disposition = part.headers().get("Content-Disposition");
                    String name = dispositionParam(disposition, "name");
                    String filename = dispositionParam(disposition, "filename");
                    BufferedSource src = part.body();
                    if (filename != null) {
                        Buffer sink = new Buffer();
                        long n = src.readAll(sink);
                        upload[0] = n;
                        params.put(name, filename);
                    } else if (name != null) {
                        Http.put(params, name, src.readUtf8());
                    }
                }
            }
        } else {
            throw new ApiError(415, "Unsupported content type '" + type + "'");
        }
    }

    private static String dispositionParam(String disposition, String key) {
        if (disposition == null) {
            return null;
        }
        for (String part : disposition.split(";")) {
            String p = part.trim();
            if (p.startsWith(key + "=")) {
                String v = p.substring(key.length() + 1);
                return v.startsWith("\"") && v.endsWith("\"") ? v.substring(1, v.length() - 1) : v;
            }
        }
        return null;
    }

    private static Map<String, String> flatten(Map<String, Object> params) {
        Map<String, String> out = new LinkedHashMap<>();
        params.forEach((k, v) -> out.put(k, flat(v)));
        return out;
    }

    private static Map<String, String> flattenQuietly(Map<String, Object> params) {
        try {
            return flatten(params);
        } catch (RuntimeException e) {
            return Map.of();
        }
    }

    private static String flat(Object v) {
        if (v instanceof Boolean b) {
            return b ? "1" : "0";
        }
        if (v instanceof List<?> l) {
            // only array-typed parameters arrive as lists; their items may hold commas (a mapping's
            // "id=10de:2204,node=pve1,..."), so they are kept one per line (ConfigCollections answers them as arrays)
            return l.stream().map(PveDispatcher::flat).collect(Collectors.joining("\n"));
        }
        return String.valueOf(v);
    }

    private void violation(String method, String path, int status, String message, Map<String, String> errors) {
        SchemaViolation v = new SchemaViolation(method, Http.decode(path), status, message, errors);
        violations.add(v);
        LOG.warn("PVE fake: schema violation {}", v);
    }

    private MockResponse record(RecordedRequest request, String method, String path, String template, Map<String, String> params,
            String principal, int status, MockResponse response) {
        Map<String, String> shown = params;
        if (params.keySet().stream().anyMatch(SECRET_PARAMS::contains)) {
            shown = new LinkedHashMap<>(params);
            shown.replaceAll((k, v) -> SECRET_PARAMS.contains(k) ? "*****" : v);
        }
        synchronized (calls) {
            if (calls.size() == MAX_RECORDED_CALLS) {
                calls.removeFirst();
            }
            calls.addLast(new RecordedCall(method, Http.decode(path), template, shown, principal, status, headers(request)));
            if (!method.equals("GET") && !(method.equals("POST") && "/access/ticket".equals(template))) {
                writes++;
                lastWrite = method + " " + Http.decode(path);
            }
        }
        return response;
    }

    private MockResponse ok(Object data) {
        return json(200, "OK", bytes(okBody(data))).build();
    }

    private static Map<String, Object> okBody(Object data) {
        Map<String, Object> body = new LinkedHashMap<>();
        if (data instanceof Handlers.Listing l) {
            body.put("data", l.data());
            body.put("total", l.total());
        } else if (data instanceof Handlers.Enveloped e) {
            body.put("data", e.data());
            body.putAll(e.extra());
        } else {
            body.put("data", data);
        }
        return body;
    }

    private MockResponse error(ApiError e) {
        Map<String, Object> body = new LinkedHashMap<>();
        if (!e.errors().isEmpty()) {
            body.put("errors", e.errors());
        }
        body.put("data", null);
        body.put("message", e.getMessage() + "\n");
        // pveproxy ends keep-alive after an error answer: the client's next call opens a new connection.
        return json(e.status(), e.getMessage(), bytes(body)).setHeader("Connection", "close")
                .onResponseEnd(SocketEffect.ShutdownConnection.INSTANCE).build();
    }

    private byte[] bytes(Object body) {
        try {
            return mapper.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static MockResponse.Builder json(int status, String reason, byte[] body) {
        return new MockResponse.Builder().status("HTTP/1.1 " + status + " " + statusText(reason))
                .setHeader("Content-Type", "application/json;charset=UTF-8")
                .setHeader("Cache-Control", "max-age=0")
                .setHeader("Server", "pve-api-daemon/3.0")
                .body(new okio.Buffer().write(body));
    }

    /** The reason phrase: one line of printable ASCII, as HTTP/1.1 clients expect. */
    private static String statusText(String reason) {
        StringBuilder sb = new StringBuilder(reason.length());
        for (char ch : reason.toCharArray()) {
            sb.append(ch >= 0x20 && ch < 0x7f ? ch : ' ');
        }
        return sb.toString().trim();
    }

    private static MockResponse plain(int status, String reason) {
        return new MockResponse.Builder().status("HTTP/1.1 " + status + " " + reason).body("").build();
    }
}
