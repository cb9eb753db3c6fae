package dev.ops.testkit.pve.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Small helpers to decode request parameters the way pveproxy accepts them. */
public final class Http {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Http() {}

    /** Percent-decodes a path segment or form value ({@code +} stays a plus in paths). */
    public static String decode(String s) {
        if (s.indexOf('%') < 0) {
            return s;
        }
        return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    /** Parses {@code a=1&b=2} (form or query) into ordered parameters; repeated keys become lists. */
    public static void parseForm(String text, Map<String, Object> into) {
        if (text == null || text.isEmpty()) {
            return;
        }
        for (String pair : text.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            put(into, k, v);
        }
    }

    @SuppressWarnings("unchecked")
    static void put(Map<String, Object> into, String k, Object v) {
        Object prev = into.get(k);
        if (prev == null) {
            into.put(k, v);
        } else if (prev instanceof List<?> l) {
            ((List<Object>) l).add(v);
        } else {
            List<Object> l = new ArrayList<>();
            l.add(prev);
            l.add(v);
            into.put(k, l);
        }
    }

    /** Parses a JSON object body: strings and numbers become text, booleans stay Boolean, arrays lists. */
    public static void parseJson(byte[] body, Map<String, Object> into) throws IOException {
        JsonNode n = MAPPER.readTree(body);
        if (n == null || n.isNull() || n.isMissingNode()) {
            return;
        }
        if (!n.isObject()) {
            throw new IOException("JSON body is not an object");
        }
        n.fields().forEachRemaining(e -> into.put(e.getKey(), jsonValue(e.getValue())));
    }

    private static Object jsonValue(JsonNode v) {
        if (v.isBoolean()) {
            return v.booleanValue();
        }
        if (v.isArray()) {
            List<Object> out = new ArrayList<>();
            v.forEach(x -> out.add(jsonValue(x)));
            return out;
        }
        if (v.isObject()) {
            return v.toString();
        }
        return v.isNull() ? "" : v.asText();
    }

    /** Parses a {@code Cookie} header into name/value pairs. */
    public static Map<String, String> cookies(String header) {
        Map<String, String> out = new LinkedHashMap<>();
        if (header == null) {
            return out;
        }
        for (String part : header.split(";")) {
            int eq = part.indexOf('=');
            if (eq > 0) {
                out.put(part.substring(0, eq).trim(), part.substring(eq + 1).trim());
            }
        }
        return out;
    }
}
