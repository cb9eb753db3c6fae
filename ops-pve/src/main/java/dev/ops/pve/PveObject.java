package dev.ops.pve;

import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import dev.ops.proxmox.internal.LenientValues;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * An object Proxmox answered with: typed fields for what ops knows, and every other field kept as
 * sent (Proxmox adds fields in every release), readable through {@link #field} and {@link #fields}.
 * Read-only once read.
 */
public abstract class PveObject {
    private final Fields<?> table;
    private Map<String, Object> other = Map.of();

    /** A model whose typed fields {@code table} declares; each model passes its own. */
    protected PveObject(Fields<?> table) {
        this.table = table;
    }

    /** Keeps a field this class has no typed slot for (Jackson's any-setter for subclasses bound by field). */
    @JsonAnySetter
    protected final void unknown(String key, Object value) {
        if (other.isEmpty()) {
            other = new LinkedHashMap<>();
        }
        other.put(key, value);
    }

    /** Every field Proxmox sent, known to this class or not, by wire name. */
    public final Map<String, Object> fields() {
        Map<String, Object> all = new LinkedHashMap<>();
        table.known(this, (k, v) -> {
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
     * The typed fields of a model, each declared once by wire name with its setter and getter:
     * reading looks a field up by name, and {@link #fields} lists them in declaration order, then
     * the usage fields. Declared once per model as a static constant and not changed after.
     *
     * @param <T> the model
     */
    public static final class Fields<T extends PveObject> {
        private final Class<T> type;
        private final Supplier<T> create;
        private final List<Field<T>> order = new ArrayList<>();
        private final Map<String, Slot<T>> slots = new HashMap<>(usageSlots());
        private BiConsumer<T, Usage> setUsage;
        private Function<T, Usage> getUsage;

        private Fields(Class<T> type, Supplier<T> create) {
            this.type = type;
            this.create = create;
        }

        /** An empty table for models of {@code type}, made new and empty by {@code create}. */
        public static <T extends PveObject> Fields<T> of(Class<T> type, Supplier<T> create) {
            return new Fields<>(type, create);
        }

        /** The names of the text fields, each read as absent when Proxmox sends an empty string. */
        public java.util.Set<String> textFields() {
            java.util.Set<String> names = new java.util.TreeSet<>();
            slots.forEach((name, slot) -> {
                if (slot.field != null && slot.field.kind() == Kind.TEXT) {
                    names.add(name);
                }
            });
            return names;
        }

        /** A text field ({@link LenientValues#text}). */
        public Fields<T> text(String name, BiConsumer<T, String> set, Function<T, String> get) {
            return add(name, Kind.TEXT, set, get);
        }

        /** An int field ({@link LenientValues#intValue}). */
        public Fields<T> integer(String name, BiConsumer<T, Integer> set, Function<T, Integer> get) {
            return add(name, Kind.INTEGER, set, get);
        }

        /** A long field ({@link LenientValues#longValue}). */
        public Fields<T> longValue(String name, BiConsumer<T, Long> set, Function<T, Long> get) {
            return add(name, Kind.LONG, set, get);
        }

        /** A decimal field ({@link LenientValues#number}). */
        public Fields<T> number(String name, BiConsumer<T, Double> set, Function<T, Double> get) {
            return add(name, Kind.NUMBER, set, get);
        }

        /** A boolean field ({@link LenientValues#bool}). */
        public Fields<T> bool(String name, BiConsumer<T, Boolean> set, Function<T, Boolean> get) {
            return add(name, Kind.BOOL, set, get);
        }

        /** A field holding a list of texts ({@link LenientValues#textList}). */
        public Fields<T> textList(String name, BiConsumer<T, List<String>> set, Function<T, List<String>> get) {
            return add(name, Kind.TEXT_LIST, set, get);
        }

        /**
         * Gives the model the {@link Usage} read with it, listed after the fields; without this, usage
         * fields Proxmox sends are kept as unknown fields.
         */
        public Fields<T> usage(BiConsumer<T, Usage> set, Function<T, Usage> get) {
            this.setUsage = set;
            this.getUsage = get;
            return this;
        }

        // The kind says which type the value has, so a setter taking V may take the value as an Object.
        @SuppressWarnings("unchecked")
        private <V> Fields<T> add(String name, Kind kind, BiConsumer<T, V> set, Function<T, V> get) {
            Field<T> field = new Field<>(name, kind, (BiConsumer<T, Object>) set, get);
            Slot<T> before = slots.put(name, new Slot<>(name, field, -1));
            if (before != null && before.field != null) {
                throw new IllegalArgumentException("field " + name + " declared twice for " + type.getSimpleName());
            }
            order.add(field);
            return this;
        }

        private static <T extends PveObject> Map<String, Slot<T>> usageSlots() {
            Map<String, Slot<T>> m = new HashMap<>();
            for (int i = 0; i < Usage.NAMES.size(); i++) {
                m.put(Usage.NAMES.get(i), new Slot<>(Usage.NAMES.get(i), null, i));
            }
            return m;
        }

        /** Where a field read by {@code name} goes. */
        private Slot<T> slot(String name) {
            Slot<T> slot = slots.get(name);
            return slot != null ? slot : new Slot<>(name, null, -1);
        }

        private void usage(T model, Usage usage) {
            if (setUsage != null) {
                setUsage.accept(model, usage);
            } else {
                usage.known((k, v) -> {
                    if (v != null) {
                        model.unknown(k, v);
                    }
                });
            }
        }

        private void known(PveObject model, BiConsumer<String, Object> out) {
            T m = type.cast(model);
            for (Field<T> field : order) {
                out.accept(field.name(), field.get().apply(m));
            }
            if (getUsage != null) {
                getUsage.apply(m).known(out);
            }
        }
    }

    /** The lenient read a field's value takes ({@link LenientValues}). */
    private enum Kind {
        TEXT, INTEGER, LONG, NUMBER, BOOL, TEXT_LIST
    }

    /**
     * Proxmox sends an empty string for a text it has no value for ({@code "lock": ""} on an unlocked
     * guest, {@code "level": ""} without a subscription): one rule for every text field of every model
     * reads it as absent.
     */
    static String absentIfEmpty(String text) {
        return text == null || text.isEmpty() ? null : text;
    }

    // A switch over the kind, not a read function per field: one call through a lambda per field
    // read, on the hot path of parsing long lists.
    private record Field<T>(String name, Kind kind, BiConsumer<T, Object> set, Function<T, ?> get) {
        void read(T model, JsonParser p) throws IOException {
            set.accept(model, switch (kind) {
                case TEXT -> absentIfEmpty(LenientValues.text(p));
                case INTEGER -> LenientValues.intValue(p);
                case LONG -> LenientValues.longValue(p);
                case NUMBER -> LenientValues.number(p);
                case BOOL -> LenientValues.bool(p);
                case TEXT_LIST -> LenientValues.textList(p);
            });
        }
    }

    /** Where a field read by name goes: a typed field, a usage field (by index), or else the unknown fields. */
    private static final class Slot<T extends PveObject> {
        private final String name;
        private final SerializedString wire;
        private final Field<T> field;
        private final int usage;
        private String lastText; // racy but safe: any thread may see any text this field read

        Slot(String name, Field<T> field, int usage) {
            this.name = name;
            this.wire = new SerializedString(name);
            this.field = field;
            this.usage = usage;
        }

        void read(T model, Usage usageRead, JsonParser p, DeserializationContext ctxt) throws IOException {
            if (field != null && field.kind() == Kind.TEXT) {
                String text = LenientValues.text(p, lastText);
                lastText = text;
                field.set().accept(model, absentIfEmpty(text));
            } else if (field != null) {
                field.read(model, p);
            } else if (usage >= 0) {
                usageRead.read(usage, p);
            } else {
                ((PveObject) model).unknown(name, LenientValues.any(p, ctxt));
            }
        }
    }

    /**
     * Reads a model field by field from the parser as its {@link Fields} table declares, without
     * reflection; everything else is kept as an unknown field. Each model names a subclass in
     * {@code @JsonDeserialize}.
     *
     * @param <T> the model
     */
    protected abstract static class Reader<T extends PveObject> extends StdDeserializer<T> {
        private final Fields<T> fields;
        private List<Slot<T>> expected = List.of();

        /** A reader of the models {@code fields} declares. */
        protected Reader(Fields<T> fields) {
            super(fields.type);
            this.fields = fields;
        }

        @Override
        public final T deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            T model = fields.create.get();
            Usage usage = new Usage();
            if (!p.isExpectedStartObjectToken()) {
                p.skipChildren();
                fields.usage(model, Usage.none());
                return model;
            }
            // Proxmox sends the entries of a list with their fields in one order. Expecting the order
            // of the entry before lets the parser match each name's bytes instead of looking it up.
            List<Slot<T>> expected = this.expected;
            List<Slot<T>> seen = null; // this entry's order, once it departs from the expected one
            int read = 0;
            int next = 0;
            while (true) {
                Slot<T> slot = next < expected.size() ? expected.get(next) : null;
                if (slot != null && p.nextFieldName(slot.wire)) {
                    next++;
                } else {
                    if (slot == null ? p.nextToken() != JsonToken.FIELD_NAME : !p.hasToken(JsonToken.FIELD_NAME)) {
                        break;
                    }
                    slot = fields.slot(p.currentName());
                    int at = indexOf(expected, slot.name);
                    next = at >= 0 ? at + 1 : next;
                    if (seen == null) {
                        seen = new ArrayList<>(expected.subList(0, read));
                    }
                }
                if (seen != null) {
                    seen.add(slot);
                }
                read++;
                p.nextToken();
                slot.read(model, usage, p, ctxt);
            }
            if (seen != null || read != expected.size()) {
                // A racy write of an immutable list: each thread sees some complete order.
                this.expected = List.copyOf(seen != null ? seen : expected.subList(0, read));
            }
            fields.usage(model, usage.any() ? usage : Usage.none());
            return model;
        }

        private static <T extends PveObject> int indexOf(List<Slot<T>> slots, String name) {
            for (int i = 0; i < slots.size(); i++) {
                if (slots.get(i).name.equals(name)) {
                    return i;
                }
            }
            return -1;
        }
    }
}
