package dev.ops.proxmox;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A JSON value as Proxmox sent it, read-only: what the untyped {@link ProxmoxApi} answers, and the
 * {@code raw} member of the few models that keep the whole answer. A missing member reads as a
 * {@linkplain #isMissing() missing} value, so that paths can be followed without null checks:
 *
 * <pre>{@code
 * JsonValue data = client.api().get("/nodes/{node}/status", Map.of("node", "pve"));
 * long total = data.path("memory").path("total").asLong();
 * }</pre>
 *
 * <p>Iterating yields the elements of an array and the member values of an object.
 */
public interface JsonValue extends Iterable<JsonValue> {

    /** The JSON text {@code json} as a value; a {@link dev.ops.core.error.ValidationException} when it is not JSON. */
    static JsonValue parse(String json) {
        return dev.ops.proxmox.internal.NodeValue.parse(json);
    }

    /** The member {@code name} of an object; a missing value when there is none or this is not an object. */
    JsonValue path(String name);

    /** The element {@code index} of an array; a missing value when there is none or this is not an array. */
    JsonValue path(int index);

    /** The member {@code name}, when this is an object that has it (a JSON {@code null} member included). */
    default Optional<JsonValue> get(String name) {
        JsonValue v = path(name);
        return v.isMissing() ? Optional.empty() : Optional.of(v);
    }

    /** Whether this object has the member {@code name}. */
    default boolean has(String name) {
        return !path(name).isMissing();
    }

    /** Whether this stands for an absent member or element. */
    boolean isMissing();

    /** Whether this is JSON {@code null}. */
    boolean isNull();

    boolean isObject();

    boolean isArray();

    boolean isTextual();

    boolean isNumber();

    boolean isBoolean();

    /** The number of elements or members; 0 for a scalar. */
    int size();

    /** Whether this array or object has no elements or members (a scalar is empty too). */
    default boolean isEmpty() {
        return size() == 0;
    }

    /** A scalar as text (numbers in decimal, booleans as {@code true}/{@code false}); {@code ""} for objects, arrays, null and missing. */
    String asText();

    /** A scalar as text, or {@code fallback} for null and missing. */
    String asText(String fallback);

    /** A number, or a text holding one, as an int; 0 when it is not one. */
    int asInt();

    /** A number, or a text holding one, as a long; 0 when it is not one. */
    long asLong();

    /** A number, or a text holding one, as a double; 0 when it is not one. */
    double asDouble();

    /** A boolean, a number (non-zero is true) or a text {@code true}/{@code 1}; false otherwise. */
    boolean asBoolean();

    /** The member names of an object, in order; empty for anything else. */
    List<String> fieldNames();

    /** The elements of an array, or the member values of an object, in order. */
    List<JsonValue> elements();

    /**
     * This value as plain Java: {@link Map} (ordered) for an object, {@link List} for an array,
     * {@link String}, {@link Number} or {@link Boolean} for a scalar, {@code null} for null and missing.
     */
    Object toJava();

    /** The value as compact JSON text. */
    @Override
    String toString();
}
