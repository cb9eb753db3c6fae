package dev.ops.pve.testing;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ops.core.json.internal.Json;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The real Proxmox VE API schema (test resource {@code proxmox-api/pve-apidata.json.gz}, ops-testkit's copy) and a checker of
 * requests against it: path template, method, unknown, missing and ill-typed parameters, enums,
 * patterns, ranges and the common named formats.
 */
public final class PveSchema {
    private static volatile PveSchema instance;
    private final List<Endpoint> endpoints = new ArrayList<>();

    /** One path of the schema with its methods. */
    public record Endpoint(String template, String[] segments, JsonNode info) {}

    /** A request matched to its endpoint, with the path parameters bound. */
    public record Match(Endpoint endpoint, JsonNode method, Map<String, String> pathParams) {}

    private PveSchema(JsonNode root) {
        collect(root);
    }

    /** The schema, loaded once. */
    public static PveSchema load() {
        if (instance == null) {
            synchronized (PveSchema.class) {
                if (instance == null) {
                    try (InputStream in = new java.util.zip.GZIPInputStream(
                            PveSchema.class.getResourceAsStream("/proxmox-api/pve-apidata.json.gz"))) {
                        instance = new PveSchema(Json.mapper().readTree(in));
                    } catch (IOException e) {
                        throw new IllegalStateException(e);
                    }
                }
            }
        }
        return instance;
    }

    private void collect(JsonNode nodes) {
        for (JsonNode n : nodes) {
            String path = n.path("path").asText();
            endpoints.add(new Endpoint(path, path.substring(1).split("/"), n.path("info")));
            if (n.has("children")) {
                collect(n.get("children"));
            }
        }
    }

    /** The schema entry of a method on a template, e.g. ("POST", "/nodes/{node}/qemu/{vmid}/clone"). */
    public Optional<JsonNode> method(String method, String template) {
        return endpoints.stream().filter(e -> e.template().equals(template)).findFirst().map(e -> e.info().get(method));
    }

    /**
     * Finds the endpoint a concrete, URL-encoded path belongs to (a volume id holds '/', sent as
     * %2F), preferring literal segments over placeholders.
     */
    public Optional<Match> match(String method, String concretePath) {
        String[] segs = concretePath.substring(1).split("/", -1);
        for (int i = 0; i < segs.length; i++) {
            segs[i] = java.net.URLDecoder.decode(segs[i].replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8);
        }
        Match best = null;
        int bestLiterals = -1;
        for (Endpoint e : endpoints) {
            if (e.segments().length != segs.length) {
                continue;
            }
            Map<String, String> bound = new HashMap<>();
            int literals = 0;
            boolean ok = true;
            for (int i = 0; i < segs.length; i++) {
                String t = e.segments()[i];
                if (t.startsWith("{") && t.endsWith("}")) {
                    if (segs[i].isEmpty()) {
                        ok = false;
                        break;
                    }
                    bound.put(t.substring(1, t.length() - 1), segs[i]);
                } else if (t.equals(segs[i])) {
                    literals++;
                } else {
                    ok = false;
                    break;
                }
            }
            if (ok && literals > bestLiterals) {
                best = new Match(e, e.info().get(method), bound);
                bestLiterals = literals;
            }
        }
        return Optional.ofNullable(best);
    }

    /** Every way the request breaks the schema; empty when it conforms. */
    public List<String> check(String method, String concretePath, Map<String, List<String>> params) {
        List<String> problems = new ArrayList<>();
        Optional<Match> m = match(method, concretePath);
        if (m.isEmpty()) {
            problems.add("no API path matches " + concretePath);
            return problems;
        }
        if (m.get().method() == null) {
            problems.add(method + " is not a method of " + m.get().endpoint().template());
            return problems;
        }
        String where = method + " " + m.get().endpoint().template();
        JsonNode parameters = m.get().method().path("parameters");
        JsonNode props = parameters.path("properties");
        JsonNode addl = parameters.get("additionalProperties");
        boolean closed = addl != null && (addl.asInt(1) == 0 || addl.isBoolean() && !addl.asBoolean());
        Map<String, List<String>> all = new HashMap<>(params);
        m.get().pathParams().forEach((k, v) -> all.put(k, List.of(v)));
        for (Map.Entry<String, List<String>> p : all.entrySet()) {
            JsonNode prop = property(props, p.getKey());
            if (prop == null) {
                if (closed) {
                    problems.add(where + ": unknown parameter '" + p.getKey() + "'");
                }
                continue;
            }
            if (p.getValue().size() > 1 && !prop.path("type").asText().equals("array")) {
                problems.add(where + ": parameter '" + p.getKey() + "' sent " + p.getValue().size() + " times");
            }
            for (String v : p.getValue()) {
                checkValue(where, p.getKey(), prop, v, problems);
            }
        }
        Iterator<Map.Entry<String, JsonNode>> it = props.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> f = it.next();
            if (f.getValue().path("optional").asInt(0) != 1 && !f.getKey().contains("[n]") && !all.containsKey(f.getKey())) {
                problems.add(where + ": required parameter '" + f.getKey() + "' missing");
            }
            String requires = f.getValue().path("requires").asText(null);
            if (requires != null && all.containsKey(f.getKey()) && !all.containsKey(requires)) {
                problems.add(where + ": parameter '" + f.getKey() + "' requires '" + requires + "'");
            }
        }
        return problems;
    }

    private static JsonNode property(JsonNode props, String name) {
        if (props.has(name)) {
            return props.get(name);
        }
        var m = Pattern.compile("^([a-z_\\-]+?)(\\d+)$").matcher(name);
        if (m.matches() && props.has(m.group(1) + "[n]")) {
            return props.get(m.group(1) + "[n]");
        }
        return null;
    }

    private static void checkValue(String where, String name, JsonNode prop, String v, List<String> problems) {
        String type = prop.path("type").asText("string");
        String at = where + ": parameter '" + name + "' = '" + v + "'";
        switch (type) {
            case "boolean" -> {
                if (!v.equals("0") && !v.equals("1")) {
                    problems.add(at + " is not a boolean 0/1");
                }
            }
            case "integer" -> {
                try {
                    long n = Long.parseLong(v);
                    if (prop.has("minimum") && n < prop.get("minimum").asDouble()) {
                        problems.add(at + " is below the minimum " + prop.get("minimum"));
                    }
                    if (prop.has("maximum") && n > prop.get("maximum").asDouble()) {
                        problems.add(at + " is above the maximum " + prop.get("maximum"));
                    }
                } catch (NumberFormatException e) {
                    problems.add(at + " is not an integer");
                }
            }
            case "number" -> {
                try {
                    Double.parseDouble(v);
                } catch (NumberFormatException e) {
                    problems.add(at + " is not a number");
                }
            }
            default -> {
                if (prop.has("enum")) {
                    boolean found = false;
                    for (JsonNode e : prop.get("enum")) {
                        found |= e.asText().equals(v);
                    }
                    if (!found) {
                        problems.add(at + " is not one of " + prop.get("enum"));
                    }
                }
                if (prop.has("maxLength") && v.length() > prop.get("maxLength").asInt()) {
                    problems.add(at + " is longer than " + prop.get("maxLength"));
                }
                if (prop.has("pattern")) {
                    String pattern = prop.get("pattern").asText().replace("(?^:", "(?:").replace("(?^i:", "(?i:");
                    try {
                        if (!Pattern.compile("^(?:" + pattern + ")$").matcher(v).matches()) {
                            problems.add(at + " does not match /" + prop.get("pattern").asText() + "/");
                        }
                    } catch (PatternSyntaxException ignored) {
                        // A Perl-only construct: not checkable in Java.
                    }
                }
                JsonNode format = prop.get("format");
                if (format != null && format.isTextual()) {
                    String bad = checkFormat(format.asText(), v);
                    if (bad != null) {
                        problems.add(at + " " + bad);
                    }
                } else if (format != null && format.isObject()) {
                    checkPropertyString(at, format, v, problems);
                }
            }
        }
    }

    private static final Pattern LABEL = Pattern.compile("[a-zA-Z0-9](?:[a-zA-Z0-9\\-]*[a-zA-Z0-9])?");

    /** Checks the named formats ops sends; null when fine or not checkable. */
    static String checkFormat(String format, String v) {
        return switch (format) {
            case "pve-vmid" -> v.matches("\\d+") && Long.parseLong(v) >= 100 && Long.parseLong(v) <= 999999999 ? null : "is not a VMID";
            case "pve-vmid-list" -> v.matches("\\d+(?:[,;\\s]+\\d+)*") ? null : "is not a VMID list";
            case "pve-node" -> v.matches("(?i)[a-z0-9](?:[a-z0-9\\-]*[a-z0-9])?") ? null : "is not a node name";
            case "pve-storage-id" -> v.matches("(?i)[a-z][a-z0-9\\-_.]*[a-z0-9]") ? null : "is not a storage id";
            case "pve-configid" -> v.matches("(?i)[a-z][a-z0-9_]+") ? null : "is not a config id";
            case "pve-configid-list" -> v.matches("(?i)[a-z][a-z0-9_]+(?:[,;\\s]+[a-z][a-z0-9_]+)*") ? null : "is not a config id list";
            case "dns-name" -> v.matches("(?:" + LABEL + "\\.)*" + LABEL) ? null : "is not a DNS name";
            case "urlencoded" -> v.matches("[-%a-zA-Z0-9_.!~*'()]*") ? null : "is not urlencoded";
            case "pve-poolid" -> v.matches("[A-Za-z0-9_\\-]+") ? null : "is not a pool id";
            case "pve-ha-resource-or-vm-id" -> v.matches("(?:(?:vm|ct):)?\\d+") ? null : "is not an HA resource id";
            case "pve-qm-ipconfig" -> v.matches("(?:(?:ip|gw|ip6|gw6)=[^,=\\s]+)(?:,(?:ip|gw|ip6|gw6)=[^,=\\s]+)*") ? null
                    : "is not an ipconfig property string";
            default -> null;
        };
    }

    private static void checkPropertyString(String at, JsonNode format, String v, List<String> problems) {
        for (String part : v.split(",")) {
            int eq = part.indexOf('=');
            if (eq < 0) {
                boolean hasDefault = false;
                var it = format.fields();
                while (it.hasNext()) {
                    hasDefault |= it.next().getValue().path("default_key").asInt(0) == 1;
                }
                if (!hasDefault) {
                    problems.add(at + ": '" + part + "' has no key and the format has no default key");
                }
            } else {
                String key = part.substring(0, eq);
                if (!format.has(key)) {
                    problems.add(at + ": key '" + key + "' is not part of the property string format");
                }
            }
        }
    }
}
