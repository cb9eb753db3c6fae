package dev.ops.proxmox.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.NullNode;
import dev.ops.core.json.internal.Json;
import dev.ops.proxmox.JsonValue;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** A {@link JsonValue} over a Jackson tree that nothing else holds, so that it stays as read. */
public final class NodeValue implements JsonValue {
    private static final NodeValue MISSING = new NodeValue(MissingNode.getInstance());
    private static final NodeValue NULL = new NodeValue(NullNode.getInstance());

    private final JsonNode node;

    private NodeValue(JsonNode node) {
        this.node = node;
    }

    /** The value of {@code node} (a Java null reads as JSON null); the caller hands the tree over and keeps no reference that writes to it. */
    public static JsonValue of(JsonNode node) {
        if (node == null || node.isNull()) {
            return NULL;
        }
        return node.isMissingNode() ? MISSING : new NodeValue(node);
    }

    /** The JSON text as a value. */
    public static JsonValue parse(String json) {
        try {
            return of(Json.mapper().readTree(Objects.requireNonNull(json, "json")));
        } catch (java.io.IOException e) {
            throw new dev.ops.core.error.ValidationException("JSON value", List.of(new dev.ops.core.error.Violation("json",
                    "is not JSON: " + e.getMessage())));
        }
    }

    /** The Jackson tree of a value made here, for ops-pve's own readers. */
    public static JsonNode tree(JsonValue value) {
        if (value instanceof NodeValue v) {
            return v.node;
        }
        return value == null ? NullNode.getInstance() : Json.mapper().valueToTree(value.toJava());
    }

    @Override
    public JsonValue path(String name) {
        return of(node.path(name));
    }

    @Override
    public JsonValue path(int index) {
        return of(node.path(index));
    }

    @Override
    public boolean isMissing() {
        return node.isMissingNode();
    }

    @Override
    public boolean isNull() {
        return node.isNull();
    }

    @Override
    public boolean isObject() {
        return node.isObject();
    }

    @Override
    public boolean isArray() {
        return node.isArray();
    }

    @Override
    public boolean isTextual() {
        return node.isTextual();
    }

    @Override
    public boolean isNumber() {
        return node.isNumber();
    }

    @Override
    public boolean isBoolean() {
        return node.isBoolean();
    }

    @Override
    public int size() {
        return node.size();
    }

    @Override
    public String asText() {
        return node.isValueNode() && !node.isNull() ? node.asText() : "";
    }

    @Override
    public String asText(String fallback) {
        return node.isNull() || node.isMissingNode() ? fallback : asText();
    }

    @Override
    public int asInt() {
        return node.asInt();
    }

    @Override
    public long asLong() {
        return node.asLong();
    }

    @Override
    public double asDouble() {
        return node.asDouble();
    }

    @Override
    public boolean asBoolean() {
        if (node.isTextual()) {
            String t = node.asText().trim();
            return t.equals("1") || t.equalsIgnoreCase("true");
        }
        return node.asBoolean();
    }

    @Override
    public List<String> fieldNames() {
        if (!node.isObject()) {
            return List.of();
        }
        List<String> names = new ArrayList<>(node.size());
        node.fieldNames().forEachRemaining(names::add);
        return Collections.unmodifiableList(names);
    }

    @Override
    public List<JsonValue> elements() {
        List<JsonValue> out = new ArrayList<>(node.size());
        node.elements().forEachRemaining(e -> out.add(of(e)));
        return Collections.unmodifiableList(out);
    }

    @Override
    public Iterator<JsonValue> iterator() {
        return elements().iterator();
    }

    @Override
    public Object toJava() {
        return java(node);
    }

    private static Object java(JsonNode n) {
        if (n == null || n.isNull() || n.isMissingNode()) {
            return null;
        }
        if (n.isObject()) {
            Map<String, Object> m = new LinkedHashMap<>();
            n.fields().forEachRemaining(f -> m.put(f.getKey(), java(f.getValue())));
            return Collections.unmodifiableMap(m);
        }
        if (n.isArray()) {
            List<Object> l = new ArrayList<>();
            n.elements().forEachRemaining(e -> l.add(java(e)));
            return Collections.unmodifiableList(l);
        }
        if (n.isBoolean()) {
            return n.booleanValue();
        }
        if (n.isNumber()) {
            return n.numberValue();
        }
        return n.asText();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NodeValue v && node.equals(v.node);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(node);
    }

    @Override
    public String toString() {
        return node.toString();
    }
}
