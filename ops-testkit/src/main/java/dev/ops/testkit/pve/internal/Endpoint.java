package dev.ops.testkit.pve.internal;

import dev.ops.core.text.AsciiNumbers;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One path+method pair of the schema, with its parameter schema pre-indexed. */
public final class Endpoint {

    private static final Map<String, Integer> INDEX_MAX = Map.ofEntries(
            Map.entry("net", 31), Map.entry("ipconfig", 31), Map.entry("scsi", 30), Map.entry("virtio", 15),
            Map.entry("sata", 5), Map.entry("ide", 3), Map.entry("hostpci", 15), Map.entry("usb", 13),
            Map.entry("serial", 3), Map.entry("parallel", 2), Map.entry("numa", 7), Map.entry("virtiofs", 9),
            Map.entry("unused", 255), Map.entry("mp", 255), Map.entry("dev", 255), Map.entry("link", 7),
            Map.entry("acmedomain", 4));

    private final String template;
    private final String method;
    private final JsonNode info;
    private final Map<String, JsonNode> properties = new LinkedHashMap<>();
    private final List<Indexed> indexed = new ArrayList<>();
    private final boolean additionalAllowed;

    Endpoint(String template, String method, JsonNode info) {
        this.template = template;
        this.method = method;
        this.info = info;
        JsonNode params = info.path("parameters");
        params.path("properties").fields().forEachRemaining(e -> {
            String name = e.getKey();
            int bracket = name.indexOf("[n]");
            if (bracket > 0) {
                String prefix = name.substring(0, bracket);
                indexed.add(new Indexed(prefix, INDEX_MAX.getOrDefault(prefix, 255), e.getValue()));
            } else {
                properties.put(name, e.getValue());
            }
        });
        JsonNode add = params.get("additionalProperties");
        additionalAllowed = add == null || add.asBoolean(true) && !"0".equals(add.asText());
    }

    /** The path template, e.g. {@code /nodes/{node}/qemu/{vmid}/clone}. */
    public String template() {
        return template;
    }

    /** The HTTP method. */
    public String method() {
        return method;
    }

    /** The raw method info node. */
    public JsonNode info() {
        return info;
    }

    /** Named (non-indexed) properties. */
    public Map<String, JsonNode> properties() {
        return properties;
    }

    /** Indexed property families such as {@code net[n]}. */
    public List<Indexed> indexed() {
        return indexed;
    }

    /** Whether parameters not named in the schema are accepted. */
    public boolean additionalAllowed() {
        return additionalAllowed;
    }

    /** False when the schema sets {@code allowtoken: 0}. */
    public boolean allowToken() {
        JsonNode a = info.get("allowtoken");
        return a == null || a.asInt(1) != 0;
    }

    /** The permissions node (may be missing). */
    public JsonNode permissions() {
        return info.path("permissions");
    }

    /** The schema of a concrete parameter name, resolving {@code net0} to {@code net[n]}; null if unknown. */
    public JsonNode property(String name) {
        JsonNode p = properties.get(name);
        if (p != null) {
            return p;
        }
        for (Indexed ix : indexed) {
            if (ix.matches(name)) {
                return ix.schema();
            }
        }
        return null;
    }

    /** A numbered family of properties, e.g. {@code net0..net31}. */
    public record Indexed(String prefix, int max, JsonNode schema) {
        boolean matches(String name) {
            if (!name.startsWith(prefix) || name.length() == prefix.length() || name.length() > prefix.length() + 3) {
                return false;
            }
            String num = name.substring(prefix.length());
            if (!AsciiNumbers.isDigits(num) || num.length() > 1 && num.charAt(0) == '0') {
                return false;
            }
            return AsciiNumbers.parseInt(num) <= max;
        }
    }
}
