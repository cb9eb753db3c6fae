package dev.ops.testkit.pve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A plain java.net.http client for the fake: trusts only its certificate, speaks form-encoded PVE. */
final class PveHttp {

    /** An answer: status, parsed JSON body (or null) and the raw body. */
    record Answer(int status, JsonNode json, String raw) {
        JsonNode data() {
            return json.get("data");
        }

        String message() {
            return json == null || json.get("message") == null ? "" : json.get("message").asText().trim();
        }

        JsonNode errors() {
            return json.path("errors");
        }
    }

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final PveFakeServer server;
    private final HttpClient client;
    private final Map<String, String> headers;

    private PveHttp(PveFakeServer server, HttpClient client, Map<String, String> headers) {
        this.server = server;
        this.client = client;
        this.headers = headers;
    }

    static PveHttp anonymous(PveFakeServer server) {
        HttpClient c = HttpClient.newBuilder().sslContext(server.clientSslContext()).connectTimeout(Duration.ofSeconds(5))
                .version(HttpClient.Version.HTTP_1_1).build();
        return new PveHttp(server, c, Map.of());
    }

    static PveHttp withToken(PveFakeServer server) {
        return anonymous(server).header("Authorization", server.token().authorizationHeader());
    }

    PveHttp header(String name, String value) {
        Map<String, String> h = new LinkedHashMap<>(headers);
        h.put(name, value);
        return new PveHttp(server, client, h);
    }

    Answer get(String path, String... kv) {
        return send("GET", path + query(kv), null, null, Duration.ofSeconds(10));
    }

    Answer delete(String path, String... kv) {
        return send("DELETE", path + query(kv), null, null, Duration.ofSeconds(10));
    }

    Answer post(String path, String... kv) {
        return send("POST", path, form(kv), "application/x-www-form-urlencoded", Duration.ofSeconds(10));
    }

    Answer put(String path, String... kv) {
        return send("PUT", path, form(kv), "application/x-www-form-urlencoded", Duration.ofSeconds(10));
    }

    Answer postJson(String path, String json) {
        return send("POST", path, json, "application/json", Duration.ofSeconds(10));
    }

    Answer send(String method, String path, String body, String contentType, Duration timeout) {
        return sendBytes(method, path, body == null ? null : body.getBytes(StandardCharsets.UTF_8), contentType, timeout);
    }

    Answer sendBytes(String method, String path, byte[] body, String contentType, Duration timeout) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.apiUri() + path)).timeout(timeout)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        headers.forEach(b::header);
        try {
            HttpResponse<String> r = client.send(b.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode json = null;
            if (r.headers().firstValue("Content-Type").orElse("").startsWith("application/json")) {
                json = MAPPER.readTree(r.body());
            }
            return new Answer(r.statusCode(), json, r.body());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A GET answered as bytes, exactly as they came (no decoding), with the response headers. */
    HttpResponse<byte[]> getBytes(String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.apiUri() + path)).timeout(Duration.ofSeconds(10)).GET();
        headers.forEach(b::header);
        try {
            return client.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Polls a task until it stops (5 s at most) and returns its status object. */
    JsonNode awaitTask(String node, String upid) {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (true) {
            Answer a = get("/nodes/" + node + "/tasks/" + enc(upid) + "/status");
            if (a.status() != 200) {
                throw new AssertionError("task status failed: " + a.raw());
            }
            if ("stopped".equals(a.data().path("status").asText())) {
                return a.data();
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("task did not stop in 5 s: " + a.data());
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String query(String... kv) {
        String f = form(kv);
        return f.isEmpty() ? "" : "?" + f;
    }

    private static String form(String... kv) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < kv.length; i += 2) {
            parts.add(enc(kv[i]) + "=" + enc(kv[i + 1]));
        }
        return String.join("&", parts);
    }
}
