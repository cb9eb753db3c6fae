package dev.ops.testkit.pve.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Collectors;

/**
 * Checks request parameters against a method's schema like PVE's {@code PVE::JSONSchema::validate},
 * with its error texts: one message per offending parameter.
 */
public final class Validator {

    private static final Pattern INTEGER = Pattern.compile("-?\\d+");
    private static final Pattern NUMBER = Pattern.compile("-?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");
    private static final Map<String, Pattern> PATTERNS = new ConcurrentHashMap<>();
    private static final Pattern UNCOMPILABLE = Pattern.compile("(?s).*");

    private Validator() {}

    /**
     * Validates all parameters (path parameters included).
     *
     * @return parameter name to reason, empty when valid
     */
    public static Map<String, String> validate(Endpoint ep, Map<String, Object> params) {
        Map<String, String> errors = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : ep.properties().entrySet()) {
            String name = e.getKey();
            JsonNode schema = e.getValue();
            Object value = params.get(name);
            if (value == null) {
                if (!isOptional(schema)) {
                    errors.put(name, "property is missing and it is not optional");
                }
                continue;
            }
            checkTop(name, schema, value, params, errors);
        }
        for (Map.Entry<String, Object> e : params.entrySet()) {
            String name = e.getKey();
            if (ep.properties().containsKey(name)) {
                continue;
            }
            JsonNode schema = ep.property(name);
            if (schema == null) {
                if (!ep.additionalAllowed()) {
                    errors.put(name, "property is not defined in schema and the schema does not allow additional properties");
                }
                continue;
            }
            checkTop(name, schema, e.getValue(), params, errors);
        }
        return errors;
    }

    private static void checkTop(String name, JsonNode schema, Object value, Map<String, Object> params,
            Map<String, String> errors) {
        String requires = schema.path("requires").asText(null);
        if (requires != null && !params.containsKey(requires)) {
            errors.put(requires, "missing property - '" + name + "' requires this property");
        }
        JsonNode instanceTypes = schema.get("instance-types");
        String typeProperty = schema.path("type-property").asText(null);
        if (instanceTypes != null && typeProperty != null && params.get(typeProperty) instanceof String t) {
            boolean allowed = false;
            for (JsonNode it : instanceTypes) {
                allowed |= it.asText().equals(t);
            }
            if (!allowed) {
                errors.put(name, "property is not allowed for " + typeProperty + " '" + t + "'");
                return;
            }
        }
        String err = check(schema, value);
        if (err != null) {
            errors.put(name, err);
        }
    }

    static boolean isOptional(JsonNode schema) {
        JsonNode o = schema.get("optional");
        return o != null && (o.asBoolean() || "1".equals(o.asText()));
    }

    /** Checks one value against a property schema; returns the reason or null. */
    static String check(JsonNode schema, Object value) {
        String type = schema.path("type").asText("string");
        if (value instanceof List<?> list) {
            if (!"array".equals(type)) {
                return "type check ('" + type + "') failed - got multiple values";
            }
            for (Object item : list) {
                String err = check(schema.path("items"), item);
                if (err != null) {
                    return err;
                }
            }
            return null;
        }
        if (value instanceof Boolean b) {
            if ("boolean".equals(type)) {
                return null;
            }
            value = b ? "1" : "0";
        }
        String v = (String) value;
        switch (type) {
            case "boolean" -> {
                if (!v.equals("0") && !v.equals("1")) {
                    return "type check ('boolean') failed - got '" + v + "'";
                }
            }
            case "integer" -> {
                if (!INTEGER.matcher(v).matches()) {
                    return "type check ('integer') failed - got '" + v + "'";
                }
            }
            case "number" -> {
                if (!NUMBER.matcher(v).matches()) {
                    return "type check ('number') failed - got '" + v + "'";
                }
            }
            case "array" -> {
                return check(schema.path("items"), v);
            }
            case "object" -> {
                return null;
            }
            default -> {
                // string and unknowns
            }
        }
        if ("integer".equals(type) || "number".equals(type)) {
            double d = Double.parseDouble(v);
            JsonNode min = schema.get("minimum");
            if (min != null && d < min.asDouble()) {
                return "value must have a minimum value of " + min.asText();
            }
            JsonNode max = schema.get("maximum");
            if (max != null && d > max.asDouble()) {
                return "value must have a maximum value of " + max.asText();
            }
        }
        JsonNode maxLen = schema.get("maxLength");
        if (maxLen != null && v.length() > maxLen.asInt()) {
            return "value may only be " + maxLen.asText() + " characters long";
        }
        JsonNode minLen = schema.get("minLength");
        if (minLen != null && v.length() < minLen.asInt()) {
            return "value must be at least " + minLen.asText() + " characters long";
        }
        JsonNode en = schema.get("enum");
        if (en != null && en.isArray()) {
            boolean found = false;
            List<String> options = new ArrayList<>();
            for (JsonNode o : en) {
                options.add(o.asText());
                found |= o.asText().equals(v);
            }
            if (!found) {
                return "value '" + v + "' does not have a value in the enumeration '" + String.join(", ", options) + "'";
            }
        }
        JsonNode pattern = schema.get("pattern");
        if (pattern != null) {
            Pattern p = compile(pattern.asText());
            if (p != UNCOMPILABLE && !p.matcher(v).matches()) {
                return "value does not match the regex pattern";
            }
        }
        JsonNode format = schema.get("format");
        if (format != null) {
            String err = format.isObject() ? propertyString(format, v) : Formats.check(format.asText(), v);
            if (err != null) {
                return "invalid format - " + err;
            }
        }
        return null;
    }

    /**
     * Converts a Perl pattern to Java, anchored as PVE does ({@code ^(?:pattern)$}). The PBS schema writes its
     * patterns as JavaScript regex literals ({@code /^...$/}): the slashes are dropped.
     */
    static Pattern compile(String perl) {
        return PATTERNS.computeIfAbsent(perl, p -> {
            String body = p.length() > 3 && p.startsWith("/^") && p.endsWith("$/") ? p.substring(1, p.length() - 1) : p;
            String j = body.replace("(?^:", "(?:").replace("(?^i:", "(?i:").replace("(?^u:", "(?:")
                    .replace("[[:^cntrl:]]", "\\P{Cntrl}").replace("[:cntrl:]", "\\p{Cntrl}").replace("[:alnum:]", "\\p{Alnum}")
                    .replace("[:alpha:]", "\\p{Alpha}").replace("[:digit:]", "\\p{Digit}")
                    .replace("[:space:]", "\\s").replace("(?P<", "(?<");
            try {
                return Pattern.compile("(?:" + j + ")");
            } catch (PatternSyntaxException e) {
                return UNCOMPILABLE;
            }
        });
    }

    /**
     * Checks a property string ({@code key=value,...}) against its inline format, resolving
     * {@code default_key}, {@code alias} and {@code keyAlias} like PVE.
     */
    static String propertyString(JsonNode format, String value) {
        Map<String, String> parsed;
        try {
            parsed = parsePropertyString(format, value);
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
        List<String> errs = new ArrayList<>();
        for (Map.Entry<String, String> e : parsed.entrySet()) {
            JsonNode sub = format.get(e.getKey());
            if (sub == null) {
                errs.add(e.getKey() + ": property is not defined in schema and the schema does not allow additional properties");
                continue;
            }
            String err = check(sub, "boolean".equals(sub.path("type").asText()) ? propertyBoolean(e.getValue()) : e.getValue());
            if (err != null) {
                errs.add(e.getKey() + ": " + err);
            }
        }
        format.fields().forEachRemaining(e -> {
            JsonNode sub = e.getValue();
            if (!sub.has("alias") && sub.has("type") && !isOptional(sub) && !parsed.containsKey(e.getKey())) {
                errs.add(e.getKey() + ": property is missing and it is not optional");
            }
        });
        return errs.isEmpty() ? null : "format error\n" + errs.stream().collect(Collectors.joining("\n"));
    }

    /** Inside property strings PVE reads booleans with parse_boolean: on/yes/true and off/no/false too. */
    private static String propertyBoolean(String v) {
        return switch (v.toLowerCase(java.util.Locale.ROOT)) {
            case "1", "on", "yes", "true" -> "1";
            case "0", "off", "no", "false" -> "0";
            default -> v;
        };
    }

    /** Parses a property string into canonical keys; throws IllegalArgumentException with PVE's wording. */
    public static Map<String, String> parsePropertyString(JsonNode format, String value) {
        Map<String, String> out = new LinkedHashMap<>();
        String defaultKey = null;
        var it = format.fields();
        while (it.hasNext()) {
            var e = it.next();
            if (e.getValue().path("default_key").asInt(0) == 1) {
                defaultKey = e.getKey();
            }
        }
        for (String part : value.split(",", -1)) {
            if (part.isEmpty()) {
                continue;
            }
            int eq = part.indexOf('=');
            String k;
            String v;
            if (eq < 0) {
                if (defaultKey == null) {
                    throw new IllegalArgumentException("value without key, but schema does not define a default key");
                }
                if (out.containsKey(defaultKey)) {
                    throw new IllegalArgumentException("format error\n" + defaultKey + ": duplicate key in comma-separated list property");
                }
                k = defaultKey;
                v = part;
            } else {
                k = part.substring(0, eq);
                v = part.substring(eq + 1);
                JsonNode sub = format.get(k);
                if (sub != null && sub.has("alias")) {
                    String keyAlias = sub.path("keyAlias").asText(null);
                    if (keyAlias != null) {
                        out.put(keyAlias, k);
                    }
                    k = sub.get("alias").asText();
                }
            }
            if (out.containsKey(k) && eq >= 0) {
                throw new IllegalArgumentException("format error\n" + k + ": duplicate key in comma-separated list property");
            }
            out.put(k, v);
        }
        return out;
    }
}
