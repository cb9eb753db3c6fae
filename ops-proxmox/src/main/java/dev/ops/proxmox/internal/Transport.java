package dev.ops.proxmox.internal;

import dev.ops.proxmox.ProxmoxClient;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import dev.ops.core.error.AuthenticationException;
import dev.ops.core.error.ConnectionException;
import dev.ops.core.error.OpsException;
import dev.ops.core.json.internal.Json;
import dev.ops.proxmox.ProxmoxResponse;
import dev.ops.proxmox.RetryPolicy;
import dev.ops.proxmox.error.ProxmoxApiException;
import dev.ops.proxmox.error.ProxmoxCallTimeoutException;
import dev.ops.proxmox.error.ProxmoxCertificateException;
import dev.ops.proxmox.error.ProxmoxServerException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.X509TrustManager;
import okhttp3.FormBody;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.MultipartBody;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends Proxmox API calls: builds URLs from path templates, encodes parameters, authenticates
 * (token, or ticket renewed before it expires), retries what is safe to retry, and turns every
 * failure into a typed ops error.
 */
public final class Transport {
    private static final Logger LOG = LoggerFactory.getLogger(Transport.class);
    private static final MediaType OCTET = MediaType.get("application/octet-stream");
    private static final dev.ops.core.secret.Redactor REDACTOR = dev.ops.core.secret.Redactor.global();

    private final TransportConfig cfg;
    private final OkHttpClient http;
    private final OkHttpClient uploadHttp;
    private final HttpUrl apiBase;
    private final Object ticketLock = new Object();
    private volatile Ticket ticket;

    /** A login ticket, its CSRF token and when it was obtained ({@link dev.ops.proxmox.task.TimeSource#nanoTime()}). */
    record Ticket(String value, String csrf, long obtainedNanos, dev.ops.proxmox.LoginInfo info) {}

    public Transport(TransportConfig cfg) {
        this.cfg = cfg;
        this.apiBase = HttpUrl.get(cfg.apiBase());
        TransportConfig.Timeouts timeouts = cfg.timeouts();
        OkHttpClient.Builder b = new OkHttpClient.Builder()
                .connectTimeout(timeouts.connect())
                // The read timeout is the sockets' own SO_TIMEOUT (see ApiSocketFactory), which bounds the
                // TLS handshake's reads too; OkHttp's read timeout would wake Okio's watchdog thread on every read.
                .readTimeout(Duration.ZERO)
                // The whole call is bounded once per call (one watchdog wake-up); a write's deadline comes
                // after the call's when it is as long, and so wakes nothing.
                .writeTimeout(timeouts.write())
                .callTimeout(timeouts.call())
                .retryOnConnectionFailure(false)
                .followRedirects(false)
                .connectionPool(QuietConnectionPool.create())
                .socketFactory(new ApiSocketFactory(cfg.readTimeout()))
                // pveproxy speaks HTTP/1.1, and its error messages live in the reason phrase.
                .protocols(List.of(Protocol.HTTP_1_1))
                .eventListener(Phase.LISTENER);
        if (cfg.dialect().deflate()) {
            b.addInterceptor(new DeflatedAnswers());
        }
        if (!apiBase.isHttps()) {
            // Plain HTTP is allowed only to loopback (the client builder checks the host): a name such as
            // localhost is connected to at its loopback addresses only, whatever else it resolves to.
            b.dns(Transport::loopbackOnly);
        }
        if (apiBase.isHttps() && !(cfg.trust() instanceof Tls.SystemTrust)) {
            X509TrustManager tm = Tls.trustManager(cfg.trust());
            b.sslSocketFactory(Tls.context(tm).getSocketFactory(), tm);
            if (cfg.trust() instanceof Tls.PinnedTrust
                    || cfg.trust() instanceof Tls.CaTrust ca && !ca.verifyHostname()
                    || cfg.trust() instanceof Tls.ManagerTrust m && !m.verifyHostname()) {
                b.hostnameVerifier(Tls.pinnedNames());
            }
        }
        this.http = b.build();
        // An upload lasts as long as its file is large: each write and read is bounded, the whole call is not.
        this.uploadHttp = http.newBuilder().callTimeout(Duration.ZERO).build();
    }

    /** The transport settings. */
    public TransportConfig config() {
        return cfg;
    }

    /** Calls the API with the client's retry policy. */
    public ProxmoxResponse call(String method, String template, Map<String, ?> params) {
        return call(method, template, params, cfg.retry(), null);
    }

    /** Calls the API with {@code retry}; {@code upload} (nullable) sends the request as multipart with that file. */
    public ProxmoxResponse call(String method, String template, Map<String, ?> params, RetryPolicy retry, Upload upload) {
        return call(method, template, params, retry, upload, Transport::envelope);
    }

    /**
     * Calls the API with {@code retry} and reads a successful answer with {@code reader}; an answer
     * the reader cannot read is a {@link ProxmoxServerException}.
     */
    public <T> T call(String method, String template, Map<String, ?> params, RetryPolicy retry, Upload upload, BodyReader<T> reader) {
        long start = cfg.time().nanoTime();
        Duration backoff = retry.initialBackoff();
        boolean reauthenticated = false;
        for (int attempt = 1; ; attempt++) {
            try {
                return once(method, template, params, upload, reader);
            } catch (AuthenticationException e) {
                if (cfg.auth() instanceof Auth.Password && !reauthenticated && ticket != null) {
                    LOG.debug("ticket refused by {}, logging in again", cfg.name());
                    reauthenticated = true;
                    ticket = null;
                    attempt--;
                    continue;
                }
                throw e;
            } catch (OpsException e) {
                long elapsed = cfg.time().nanoTime() - start;
                boolean canRetry = e.retryable() && upload == null && attempt < retry.maxAttempts()
                        && elapsed + backoff.toNanos() <= retry.maxElapsed().toNanos();
                if (!canRetry) {
                    throw e;
                }
                Duration pause = jitter(backoff);
                LOG.debug("{} {} failed ({}), retry {} in {}", method, template, e.getMessage(), attempt, pause);
                sleep(pause);
                backoff = min(backoff.multipliedBy(2), retry.maxBackoff());
            }
        }
    }

    /** A file to send as a multipart field. */
    public record Upload(String field, Path file, String fileName) {}

    /** Reads the body of a successful answer as it arrives. */
    @FunctionalInterface
    public interface BodyReader<T> {
        /** The value of the answer; an IOException when the body is not what was expected. */
        T read(java.io.InputStream body) throws IOException;
    }

    private <T> T once(String method, String template, Map<String, ?> params, Upload upload, BodyReader<T> reader) {
        String path = Params.expand(template, params);
        List<String> pathNames = Params.placeholders(template);
        HttpUrl.Builder url = apiBase.newBuilder();
        for (String segment : template.substring(1).split("/")) {
            if (segment.startsWith("{") && segment.endsWith("}")) {
                String value = Params.wire(params.get(segment.substring(1, segment.length() - 1)));
                if (value == null || value.isEmpty()) {
                    dev.ops.core.error.Violations.of("API call " + method + " " + template)
                            .add(segment.substring(1, segment.length() - 1), "path parameter has no value").throwIfAny();
                }
                url.addPathSegment(value);
            } else {
                url.addPathSegment(segment);
            }
        }
        List<Params.Pair> pairs = Params.pairs(params, pathNames);
        boolean read = method.equals("GET");
        RequestBody body = null;
        if (method.equals("GET") || method.equals("DELETE")) {
            pairs.forEach(p -> url.addQueryParameter(p.name(), p.value()));
        } else if (upload != null) {
            MultipartBody.Builder mb = new MultipartBody.Builder().setType(MultipartBody.FORM);
            pairs.forEach(p -> mb.addFormDataPart(p.name(), p.value()));
            mb.addFormDataPart(upload.field(), upload.fileName(), RequestBody.create(upload.file().toFile(), OCTET));
            body = mb.build();
        } else {
            FormBody.Builder fb = new FormBody.Builder();
            pairs.forEach(p -> fb.add(p.name(), p.value()));
            body = fb.build();
        }
        Request.Builder rb = new Request.Builder().url(url.build()).method(method, body);
        authenticate(rb, !read);
        if (cfg.listeners().isEmpty()) {
            return execute(upload == null ? http : uploadHttp, rb.tag(Phase.class, new Phase()).build(), method, path, read, reader);
        }
        Phase phase = new Phase();
        long started = System.nanoTime();
        try {
            return execute(upload == null ? http : uploadHttp, rb.tag(Phase.class, phase).build(), method, path, read, reader);
        } finally {
            java.time.Duration took = java.time.Duration.ofNanos(System.nanoTime() - started);
            Listeners.tell(cfg.listeners(), l -> l.callEnded(method, template, phase.status, took));
        }
    }

    private <T> T execute(OkHttpClient client, Request request, String method, String path, boolean read, BodyReader<T> reader) {
        String target = cfg.name() + " (" + apiBase.host() + ":" + apiBase.port() + ")";
        LOG.debug("{} {}", method, path);
        Phase tagged = request.tag(Phase.class);
        Phase phase = tagged != null ? tagged : new Phase();
        okhttp3.Call call = client.newCall(tagged != null ? request : request.newBuilder().tag(Phase.class, phase).build());
        try (Response resp = call.execute()) {
            phase.status = resp.code();
            ResponseBody rb = resp.body();
            if (rb != null && rb.contentLength() > cfg.maxAnswerBytes()) {
                throw tooLarge(method, path, rb.contentLength() + " bytes", read);
            }
            if (resp.isSuccessful() && rb != null) {
                // Parsed while it arrives, so that reading a large list overlaps its transfer.
                okio.BufferedSource source = okio.Okio.buffer(new LimitedSource(rb.source(), cfg.maxAnswerBytes(),
                        () -> tooLarge(method, path, "over " + cfg.maxAnswerBytes() + " bytes, still arriving", read)));
                source.request(AnswerText.MAX_SNIPPET);
                byte[] start = source.peek().readByteArray(Math.min(AnswerText.MAX_SNIPPET, source.getBuffer().size()));
                try {
                    return reader.read(source.inputStream());
                } catch (IOException | RuntimeException unreadable) {
                    if (unreadable instanceof ProxmoxServerException tooLarge) {
                        throw tooLarge;
                    }
                    if (unreadable instanceof IOException io && !(unreadable instanceof com.fasterxml.jackson.core.JacksonException)) {
                        throw io;
                    }
                    throw new ProxmoxServerException(resp.code(), method, path, AnswerText.unreadable(unreadable) + " "
                            + resp.header("Content-Type", "no content type") + ": "
                            + AnswerText.snippet(new String(start, java.nio.charset.StandardCharsets.UTF_8)), read);
                }
            }
            byte[] bytes = rb == null ? new byte[0] : rb.bytes();
            if (resp.isSuccessful()) {
                throw new ProxmoxServerException(resp.code(), method, path, "the answer had no body", read);
            }
            JsonNode json = parse(bytes);
            String text = REDACTOR.redact(new String(bytes, java.nio.charset.StandardCharsets.UTF_8));
            String reason = REDACTOR.redact(resp.message());
            // The server may quote what it was sent (a password it refused, say): its words are redacted
            // here, as the exception's accessors hand them out unfiltered.
            String message = json != null && json.hasNonNull("message") ? REDACTOR.redact(json.get("message").asText()) : null;
            Map<String, String> fieldErrors = new LinkedHashMap<>();
            if (json != null && json.path("errors").isObject()) {
                json.get("errors").fields().forEachRemaining(f -> fieldErrors.put(f.getKey(), REDACTOR.redact(f.getValue().asText().trim())));
            }
            if (json == null && !text.isBlank()) {
                message = "(the answer was not Proxmox JSON but " + resp.header("Content-Type", "no content type") + ": " + AnswerText.snippet(text) + ")";
            }
            throw ErrorClassifier.classify(target, resp.code(), method, path, reason, message, fieldErrors, read);
        } catch (IOException e) {
            throw wrap(e, call.isCanceled(), target, method, path, read, phase.current);
        }
    }

    /**
     * How far a call got, as OkHttp reports it: what a timeout says it was waiting for, and whether
     * anything can have reached the server. Each call carries its own, as a request tag that the
     * shared {@link #LISTENER} finds.
     */
    static final class Phase {
        static final String CONNECTING = "no TCP connection";
        static final String HANDSHAKE = "connected, but the server did not complete the TLS handshake";
        static final String SENDING = "connected, sending the request";
        static final String WAITING = "request sent, no answer";
        static final String READING = "answer begun, not complete";
        static final okhttp3.EventListener LISTENER = new Listener();

        volatile String current = CONNECTING;
        /** The HTTP status of the answer, once one came (0 until then), for the client's listeners. */
        volatile int status;

        /** Whether the request cannot have reached the server yet. */
        static boolean nothingSent(String phase) {
            return phase == null || phase.equals(CONNECTING) || phase.equals(HANDSHAKE);
        }

        private static final class Listener extends okhttp3.EventListener {
            private static void set(okhttp3.Call call, String phase) {
                Phase p = call.request().tag(Phase.class);
                if (p != null) {
                    p.current = phase;
                }
            }

            @Override
            public void connectStart(okhttp3.Call call, java.net.InetSocketAddress address, java.net.Proxy proxy) {
                set(call, CONNECTING);
            }

            @Override
            public void secureConnectStart(okhttp3.Call call) {
                set(call, HANDSHAKE);
            }

            @Override
            public void requestHeadersStart(okhttp3.Call call) {
                set(call, SENDING);
            }

            @Override
            public void responseHeadersStart(okhttp3.Call call) {
                set(call, WAITING);
            }

            @Override
            public void responseBodyStart(okhttp3.Call call) {
                set(call, READING);
            }
        }
    }

    /** The whole answer as a tree; not an object is unreadable. */
    private static ProxmoxResponse envelope(java.io.InputStream body) throws IOException {
        JsonNode json = Json.mapper().readTree(body);
        if (json == null || !json.isObject()) {
            throw new com.fasterxml.jackson.core.JsonParseException(null, "not a JSON object");
        }
        return new ProxmoxResponse(NodeValue.of(json.has("data") ? json.get("data") : NullNode.getInstance()), NodeValue.of(json));
    }

    private static JsonNode parse(byte[] bytes) {
        if (bytes.length == 0) {
            return null;
        }
        try {
            JsonNode tree = Json.mapper().readTree(bytes);
            return tree == null || tree.isMissingNode() ? null : tree;
        } catch (IOException e) {
            return null;
        }
    }


    private OpsException wrap(IOException e, boolean canceled, String target, String method, String path, boolean read, String phase) {
        String what = method + " " + path;
        TransportConfig.Timeouts timeouts = cfg.timeouts();
        // Nothing sent yet: safe to retry whatever the method. Otherwise only reads are.
        boolean retryable = read || Phase.nothingSent(phase);
        String lastState = (phase == null ? Phase.CONNECTING : phase)
                + (retryable ? "" : "; the call may have taken effect on the server, not retried");
        if (canceled && !Thread.currentThread().isInterrupted()) {
            // OkHttp cancels a call that outlives its call timeout, and the call fails with "timeout" or "Canceled".
            return new ProxmoxCallTimeoutException(target, what, "call", timeouts.call(), lastState, retryable);
        }
        SocketTimeoutException timeout = causeOf(e, SocketTimeoutException.class);
        if (timeout != null && String.valueOf(timeout.getMessage()).contains("connect")) {
            return new ProxmoxCallTimeoutException(target, what, "connect", timeouts.connect(), Phase.CONNECTING, true);
        }
        if (timeout != null) {
            // Reads (the TLS handshake's too) time out by SO_TIMEOUT ("Read timed out"); writes by Okio's watchdog ("timeout").
            boolean writing = "timeout".equals(timeout.getMessage());
            return new ProxmoxCallTimeoutException(target, what, writing ? "write" : "read", writing ? timeouts.write() : timeouts.read(),
                    lastState, retryable);
        }
        if (e instanceof SSLPeerUnverifiedException) {
            return new ProxmoxCertificateException(target, what + ": the server certificate does not name host " + apiBase.host()
                    + " (" + e.getMessage() + "); trust it by CA without hostname check or pin its fingerprint", e);
        }
        if (e instanceof SSLException) {
            Throwable c = e;
            while (c != null) {
                if (c instanceof CertificateException) {
                    return new ProxmoxCertificateException(target, what + ": the server certificate is not trusted: " + c.getMessage(), e);
                }
                c = c.getCause();
            }
            return new ProxmoxCertificateException(target, what + ": TLS handshake failed: " + e.getMessage(), e);
        }
        if (e instanceof UnknownHostException) {
            return new ConnectionException(target, what + ": unknown host " + apiBase.host(), e, false);
        }
        if (e instanceof ConnectException || e instanceof NoRouteToHostException) {
            // Nothing was sent: safe to retry whatever the method.
            return new ConnectionException(target, what + ": cannot connect: " + e.getMessage(), e, true);
        }
        if (e instanceof InterruptedIOException && !Thread.currentThread().isInterrupted()) {
            return new ProxmoxCallTimeoutException(target, what, "read", timeouts.read(), lastState, retryable);
        }
        if (e instanceof InterruptedIOException) {
            return new OpsException(what + ": interrupted", e);
        }
        return new ConnectionException(target, what + ": the connection broke: " + e.getMessage()
                + (read ? "" : " (the call may have taken effect on the server; not retried)"), e, read);
    }

    private ProxmoxServerException tooLarge(String method, String path, String size, boolean read) {
        return new ProxmoxServerException(200, method, path, "the answer (" + size + ") is larger than the client's limit of "
                + cfg.maxAnswerBytes() + " bytes (the client builder's maxAnswerBytes)", false, "permanent: the same answer comes again");
    }

    private void authenticate(Request.Builder rb, boolean write) {
        switch (cfg.auth()) {
            case Auth.Token t -> rb.header("Authorization", cfg.dialect().tokenHeader(t));
            case Auth.Password p -> {
                Ticket t = currentTicket(p);
                rb.header("Cookie", cfg.dialect().ticketCookie() + "=" + t.value());
                if (write) {
                    rb.header("CSRFPreventionToken", t.csrf());
                }
            }
        }
    }

    private Ticket currentTicket(Auth.Password p) {
        Ticket t = ticket;
        long now = cfg.time().nanoTime();
        if (t != null && now - t.obtainedNanos() < cfg.ticketRenewAfter().toNanos()) {
            return t;
        }
        synchronized (ticketLock) {
            t = ticket;
            if (t != null && now - t.obtainedNanos() < cfg.ticketRenewAfter().toNanos()) {
                return t;
            }
            Ticket next = null;
            if (t != null) {
                try {
                    // A valid ticket renews itself when given as the password.
                    next = requestTicket(Map.of("username", p.user(), "password", t.value()), p);
                    LOG.debug("renewed the login ticket of {} on {}", p.user(), cfg.name());
                } catch (AuthenticationException expired) {
                    LOG.debug("ticket renewal refused, logging in again: {}", expired.getMessage());
                }
            }
            if (next == null) {
                next = requestTicket(Map.of("username", p.user(), "password", p.password()), p);
            }
            ticket = next;
            return next;
        }
    }

    private Ticket requestTicket(Map<String, ?> params, Auth.Password p) {
        long now = cfg.time().nanoTime();
        JsonNode data = ticketCall(params);
        String value = data.path("ticket").asText("");
        boolean needTfa = data.path("NeedTFA").asInt(0) == 1 || value.contains(":!tfa!");
        if (needTfa) {
            if (p.totp() == null) {
                throw new AuthenticationException(cfg.name(), "user " + p.user()
                        + " needs a second factor (TOTP); give the client builder a TOTP code supplier", null);
            }
            String code = p.totp().get();
            Map<String, Object> second = new LinkedHashMap<>();
            second.put("username", p.user());
            second.put("tfa-challenge", value);
            second.put("password", "totp:" + code);
            data = ticketCall(second);
            value = data.path("ticket").asText("");
            if (value.contains(":!tfa!")) {
                throw new AuthenticationException(cfg.name(), "the second factor of " + p.user() + " was not accepted", null);
            }
        }
        String csrf = data.path("CSRFPreventionToken").asText("");
        if (value.isEmpty() || csrf.isEmpty()) {
            throw new AuthenticationException(cfg.name(), "POST /access/ticket answered without a ticket or CSRF token", null);
        }
        dev.ops.core.secret.Redactor.global().register(value);
        dev.ops.core.secret.Redactor.global().register(csrf);
        return new Ticket(value, csrf, now, loginInfo(data));
    }

    /** The login answer's username, clustername and cap. */
    private static dev.ops.proxmox.LoginInfo loginInfo(JsonNode data) {
        Map<String, java.util.Set<String>> cap = new java.util.TreeMap<>();
        data.path("cap").properties().forEach(area -> {
            java.util.Set<String> privs = new java.util.TreeSet<>();
            area.getValue().properties().forEach(p -> {
                if (p.getValue().asInt(0) != 0 || p.getValue().asBoolean(false)) {
                    privs.add(p.getKey());
                }
            });
            cap.put(area.getKey(), privs);
        });
        return new dev.ops.proxmox.LoginInfo(data.path("username").asText(""), data.path("clustername").asText(""), cap);
    }

    /**
     * What the login told of the session (logging in first when no ticket is held); empty for an API
     * token, which logs in with every call.
     */
    public java.util.Optional<dev.ops.proxmox.LoginInfo> login() {
        if (cfg.auth() instanceof Auth.Password p) {
            return java.util.Optional.of(currentTicket(p).info());
        }
        return java.util.Optional.empty();
    }

    private JsonNode ticketCall(Map<String, ?> params) {
        FormBody.Builder fb = new FormBody.Builder();
        Params.pairs(params, List.of()).forEach(pr -> fb.add(pr.name(), pr.value()));
        Request req = new Request.Builder().url(apiBase.newBuilder().addPathSegment("access").addPathSegment("ticket").build())
                .post(fb.build()).build();
        try {
            return NodeValue.tree(execute(http, req, "POST", "/access/ticket", false, Transport::envelope).data());
        } catch (AuthenticationException e) {
            throw new AuthenticationException(cfg.name(), "login refused for " + cfg.auth().user()
                    + ": wrong user, realm, password or second factor", e);
        } catch (ProxmoxApiException e) {
            if (e.status() == 401 || e.status() == 403) {
                throw new AuthenticationException(cfg.name(), "login refused: " + e.serverMessage(), e);
            }
            throw e;
        }
    }

    private static <T extends Throwable> T causeOf(Throwable e, Class<T> type) {
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (type.isInstance(c)) {
                return type.cast(c);
            }
        }
        return null;
    }

    /** The loopback addresses of {@code host}; none is an unknown host, so that nothing else is ever connected to. */
    private static List<java.net.InetAddress> loopbackOnly(String host) throws UnknownHostException {
        List<java.net.InetAddress> loopback = okhttp3.Dns.SYSTEM.lookup(host).stream().filter(java.net.InetAddress::isLoopbackAddress).toList();
        if (loopback.isEmpty()) {
            throw new UnknownHostException(host + " has no loopback address, and plain HTTP goes to loopback only");
        }
        return loopback;
    }

    private void sleep(Duration d) {
        try {
            cfg.time().sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OpsException("interrupted while waiting to retry a call to " + cfg.name(), e);
        }
    }

    private static Duration jitter(Duration d) {
        if (d.isZero()) {
            return d;
        }
        return Duration.ofNanos((long) (d.toNanos() * ThreadLocalRandom.current().nextDouble(0.8, 1.2)));
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    /** Stops idle connections and threads. */
    public void close() {
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }
}
