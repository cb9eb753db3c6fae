package dev.ops.proxmox.internal;

import dev.ops.core.text.AsciiNumbers;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;

/** Lenient readers for Proxmox JSON, where numbers may come as strings and booleans as 0/1. */
public final class JsonFields {
    private JsonFields() {}

    /** The {@code text} Proxmox reported, if any; an empty string, which Proxmox sends for "none", is absent. */
    public static Optional<String> text(JsonNode n, String key) {
        JsonNode v = n == null ? null : n.get(key);
        return v == null || v.isNull() || v.asText().isEmpty() ? Optional.empty() : Optional.of(v.asText());
    }

    /** The {@code integer} Proxmox reported, if any. */
    public static OptionalInt integer(JsonNode n, String key) {
        JsonNode v = n == null ? null : n.get(key);
        if (v == null || v.isNull()) {
            return OptionalInt.empty();
        }
        if (v.isNumber()) {
            return OptionalInt.of(v.asInt());
        }
        try {
            return OptionalInt.of(AsciiNumbers.parseInt(v.asText().trim()));
        } catch (NumberFormatException e) {
            return OptionalInt.empty();
        }
    }

    /** The {@code longValue} Proxmox reported, if any. */
    public static OptionalLong longValue(JsonNode n, String key) {
        JsonNode v = n == null ? null : n.get(key);
        if (v == null || v.isNull()) {
            return OptionalLong.empty();
        }
        if (v.isNumber()) {
            return OptionalLong.of(v.asLong());
        }
        try {
            return OptionalLong.of(AsciiNumbers.parseLong(v.asText().trim()));
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    /** The {@code number} Proxmox reported, if any. */
    public static OptionalDouble number(JsonNode n, String key) {
        JsonNode v = n == null ? null : n.get(key);
        if (v == null || v.isNull()) {
            return OptionalDouble.empty();
        }
        try {
            return OptionalDouble.of(v.isNumber() ? v.asDouble() : Double.parseDouble(v.asText().trim()));
        } catch (NumberFormatException e) {
            return OptionalDouble.empty();
        }
    }

    /** The bool. */
    public static boolean bool(JsonNode n, String key) {
        JsonNode v = n == null ? null : n.get(key);
        if (v == null || v.isNull()) {
            return false;
        }
        if (v.isBoolean()) {
            return v.asBoolean();
        }
        String t = v.asText().trim();
        return t.equals("1") || t.equalsIgnoreCase("true");
    }
}
