package dev.ops.testkit.pve;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * An answer a test makes the fake give once, with {@link PveFakeServer#answerNext(String, String, PveAnswer)}:
 * an error as Proxmox words it, data of the test's choosing, or a broken answer (HTML, a hang, a cut
 * connection) for the client's error handling.
 */
public final class PveAnswer {

    /** What kind of answer. */
    enum Kind { JSON, HTML, HANG, DISCONNECT }

    private final Kind kind;
    private final int status;
    private final String reason;
    private final Map<String, String> errors;
    private final Object data;
    private final String body;
    /** The reason phrase when it differs from the body's message (a proxy's generic one), else null. */
    private final String phrase;
    /** Whether the body carries {@code message}: PVE 6 and 7 put the text only in the reason phrase. */
    private final boolean bodyMessage;

    private PveAnswer(Kind kind, int status, String reason, Map<String, String> errors, Object data, String body) {
        this(kind, status, reason, errors, data, body, null, true);
    }

    private PveAnswer(Kind kind, int status, String reason, Map<String, String> errors, Object data, String body, String phrase,
            boolean bodyMessage) {
        this.phrase = phrase;
        this.bodyMessage = bodyMessage;
        this.kind = kind;
        this.status = status;
        this.reason = reason;
        this.errors = errors;
        this.data = data;
        this.body = body;
    }

    /**
     * An error as Proxmox answers one: the status, the message as reason phrase and {@code message},
     * {@code data: null}; e.g. {@code error(500, "VM is locked (backup)")}.
     */
    public static PveAnswer error(int status, String message) {
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("an error status is 400..599: " + status);
        }
        return new PveAnswer(Kind.JSON, status, Objects.requireNonNull(message, "message"), Map.of(), null, null);
    }

    /**
     * An error as it reaches a client through a reverse proxy in front of PVE 8.3 or newer: the
     * proxy's generic reason phrase ({@code Internal Server Error} for a 500), the real text only in
     * the body's {@code message}.
     */
    public static PveAnswer errorBehindProxy(int status, String message) {
        PveAnswer a = error(status, message);
        return new PveAnswer(a.kind, a.status, a.reason, a.errors, a.data, a.body, genericPhrase(status), true);
    }

    /** An error as PVE 6 words it: the text only in the reason phrase, a body of {@code data: null} with no {@code message}. */
    public static PveAnswer errorInReasonPhraseOnly(int status, String message) {
        PveAnswer a = error(status, message);
        return new PveAnswer(a.kind, a.status, a.reason, a.errors, a.data, a.body, null, false);
    }

    private static String genericPhrase(int status) {
        return switch (status) {
            case 400 -> "Bad Request";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 500 -> "Internal Server Error";
            case 501 -> "Not Implemented";
            case 502 -> "Bad Gateway";
            case 503 -> "Service Unavailable";
            case 504 -> "Gateway Timeout";
            default -> "Error";
        };
    }

    /** A 400 {@code Parameter verification failed.} with these per-parameter errors. */
    public static PveAnswer invalid(Map<String, String> errors) {
        return new PveAnswer(Kind.JSON, 400, "Parameter verification failed.", Map.copyOf(errors), null, null);
    }

    /**
     * A 200 whose {@code data} is this value, written as JSON: maps, lists, text, numbers, booleans, or
     * null for {@code data: null}.
     */
    public static PveAnswer data(Object data) {
        return new PveAnswer(Kind.JSON, 200, "OK", Map.of(), data, null);
    }

    /** An HTML page with this status, as a reverse proxy or a maintenance page sends. */
    public static PveAnswer html(int status, String html) {
        return new PveAnswer(Kind.HTML, status, status == 200 ? "OK" : "Error", Map.of(), null, Objects.requireNonNull(html, "html"));
    }

    /** No answer at all: the connection stays open and silent. */
    public static PveAnswer hang() {
        return new PveAnswer(Kind.HANG, 0, "", Map.of(), null, null);
    }

    /** Headers and part of a body, then the connection closes. */
    public static PveAnswer disconnect() {
        return new PveAnswer(Kind.DISCONNECT, 200, "OK", Map.of(), null, null);
    }

    /** The HTTP answer MockWebServer sends (the PVE and PBS fakes' scripted answers). */
    public mockwebserver3.MockResponse response() {
        mockwebserver3.MockResponse.Builder r = new mockwebserver3.MockResponse.Builder();
        switch (kind) {
            case HANG -> r.onResponseStart(mockwebserver3.SocketEffect.Stall.INSTANCE);
            case DISCONNECT -> r.setHeader("Content-Type", "application/json;charset=UTF-8")
                    .body("{\"data\":{\"filler\":\"" + "x".repeat(64 * 1024) + "\"}}")
                    .onResponseBody(new mockwebserver3.SocketEffect.CloseSocket());
            case HTML -> r.status("HTTP/1.1 " + status + " " + reason).setHeader("Content-Type", "text/html; charset=utf-8")
                    .body(body);
            case JSON -> {
                r.status("HTTP/1.1 " + status + " " + printable(phrase != null ? phrase : reason))
                        .setHeader("Content-Type", "application/json;charset=UTF-8")
                        .setHeader("Server", "pve-api-daemon/3.0");
                try {
                    r.body(MAPPER.writeValueAsString(jsonBody()));
                } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                    throw new IllegalArgumentException("the answer's data cannot be written as JSON: " + e.getOriginalMessage(), e);
                }
                if (status >= 400) {
                    // pveproxy ends keep-alive after an error answer.
                    r.setHeader("Connection", "close").onResponseEnd(mockwebserver3.SocketEffect.ShutdownConnection.INSTANCE);
                }
            }
            default -> throw new IllegalStateException(kind.name());
        }
        return r.build();
    }

    /** The JSON body, as Proxmox lays it out. */
    private Map<String, Object> jsonBody() {
        Map<String, Object> out = new LinkedHashMap<>();
        if (!errors.isEmpty()) {
            out.put("errors", errors);
        }
        out.put("data", data);
        if (status >= 400 && bodyMessage) {
            out.put("message", reason + "\n");
        }
        return out;
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper MAPPER = new com.fasterxml.jackson.databind.ObjectMapper();

    private static String printable(String reason) {
        StringBuilder sb = new StringBuilder(reason.length());
        for (char ch : reason.toCharArray()) {
            sb.append(ch >= 0x20 && ch < 0x7f ? ch : ' ');
        }
        return sb.toString().trim();
    }

    @Override
    public String toString() {
        return "PveAnswer[" + kind + " " + status + " " + reason + "]";
    }
}
