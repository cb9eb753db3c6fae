package dev.ops.pve;

import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import dev.ops.pve.internal.LenientValues;
import java.io.IOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.function.BiConsumer;

/**
 * An object Proxmox answered with: typed fields for what ops knows, and every other field kept as
 * sent (Proxmox adds fields in every release), readable through {@link #field} and {@link #fields}.
 * Read-only once read.
 */
public abstract class PveObject {
    private Map<String, Object> other = Map.of();

    protected PveObject() {}

    /** Keeps a field this class has no typed slot for (Jackson's any-setter for subclasses bound by field). */
    @JsonAnySetter
    protected final void unknown(String key, Object value) {
        if (other.isEmpty()) {
            other = new LinkedHashMap<>();
        }
        other.put(key, value);
    }

    /** Hands each known field that Proxmox sent to {@code out}, by its wire name. */
    protected abstract void known(BiConsumer<String, Object> out);

    /** Hands the fields of {@code usage} to {@code out}, for {@link #known}. */
    protected static void known(Usage usage, BiConsumer<String, Object> out) {
        usage.known(out);
    }

    /** Every field Proxmox sent, known to this class or not, by wire name. */
    public final Map<String, Object> fields() {
        Map<String, Object> all = new LinkedHashMap<>();
        known((k, v) -> {
            if (v != null) {
                all.put(k, v);
            }
        });
        all.putAll(other);
        return Collections.unmodifiableMap(all);
    }

    /** The fields this class has no typed accessor for. */
    public final Map<String, Object> unknownFields() {
        return Collections.unmodifiableMap(other);
    }

    /** Any field by wire name as text (numbers in decimal, booleans as 0/1), known to this class or not. */
    public final Optional<String> field(String key) {
        Object v = fields().get(key);
        if (v instanceof Boolean b) {
            return Optional.of(b ? "1" : "0");
        }
        if (v instanceof Double d && d == Math.rint(d) && !Double.isInfinite(d)) {
            return Optional.of(Long.toString(d.longValue()));
        }
        return Optional.ofNullable(v).map(Object::toString);
    }

    /** The value as an {@code OptionalInt}, empty for null. */
    protected static OptionalInt optional(Integer v) {
        return v == null ? OptionalInt.empty() : OptionalInt.of(v);
    }

    /** The value as an {@code OptionalLong}, empty for null. */
    protected static OptionalLong optional(Long v) {
        return v == null ? OptionalLong.empty() : OptionalLong.of(v);
    }

    /** The value as an {@code OptionalDouble}, empty for null. */
    protected static OptionalDouble optional(Double v) {
        return v == null ? OptionalDouble.empty() : OptionalDouble.of(v);
    }

    @Override
    public final boolean equals(Object o) {
        return o != null && o.getClass() == getClass() && fields().equals(((PveObject) o).fields());
    }

    @Override
    public final int hashCode() {
        return Objects.hash(getClass(), fields());
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + fields();
    }

    /**
     * Reads a model field by field from the parser, without reflection: {@link #field} takes the
     * fields the model types, everything else is kept as an unknown field.
     *
     * @param <T> the model
     */
    public abstract static class Reader<T extends PveObject> extends StdDeserializer<T> {
        protected Reader(Class<T> type) {
            super(type);
        }

        /** A new, empty model. */
        protected abstract T create();

        /**
         * Reads the value at the parser's current token into {@code model} if {@code name} is a field
         * it types; false leaves the value to be kept as unknown.
         */
        protected abstract boolean field(T model, String name, JsonParser p) throws IOException;

        /** Hands the usage fields read with the model to it; models without usage keep them as unknown fields. */
        protected void usage(T model, Usage usage) {
            usage.known((k, v) -> {
                if (v != null) {
                    ((PveObject) model).unknown(k, v);
                }
            });
        }

        @Override
        public final T deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            T model = create();
            Usage.Builder usage = new Usage.Builder();
            if (!p.isExpectedStartObjectToken()) {
                p.skipChildren();
                usage(model, usage.build());
                return model;
            }
            for (String name = p.nextFieldName(); name != null; name = p.nextFieldName()) {
                p.nextToken();
                if (!field(model, name, p) && !usage.read(name, p)) {
                    ((PveObject) model).unknown(name, LenientValues.any(p, ctxt));
                }
            }
            usage(model, usage.build());
            return model;
        }
    }
}
