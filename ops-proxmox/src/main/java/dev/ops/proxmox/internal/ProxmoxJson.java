package dev.ops.proxmox.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.DeserializationProblemHandler;
import dev.ops.core.json.internal.Json;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Supplier;

/**
 * Binds the {@code data} of Proxmox answers to typed models straight from the bytes, without a tree.
 * Lenient the way Proxmox needs: numbers may come as strings, booleans as 0/1 or "1", and a value of
 * an unexpected shape leaves its field unset instead of failing the whole answer.
 */
public final class ProxmoxJson {
    private static final Set<String> TRUE = Set.of("1", "true", "yes", "on");
    private static final Set<String> FALSE = Set.of("0", "false", "no", "off", "");
    private static final ObjectMapper MAPPER = lenient(Json.mapper().copy());
    private static final ConcurrentMap<JavaType, ObjectReader> READERS = new ConcurrentHashMap<>();
    private static final ConcurrentMap<Class<?>, Split<?>> SPLITS = new ConcurrentHashMap<>();

    private ProxmoxJson() {}

    /** The factory of the parsers these readers read answers with (its limits and features). */
    public static com.fasterxml.jackson.core.JsonFactory factory() {
        return MAPPER.getFactory();
    }

    /** The type {@code List<element>}. */
    public static JavaType listOf(Class<?> element) {
        return MAPPER.getTypeFactory().constructCollectionType(List.class, element);
    }

    /** The type of {@code cls}. */
    public static JavaType type(Class<?> cls) {
        return MAPPER.constructType(cls);
    }

    /**
     * A reader of whole answers that binds their {@code data} member to {@code type} (null when the
     * answer has none); a body that is not a JSON object is an IOException. A list of an element type
     * registered with {@link #splitLists} is read in pieces on more than one thread, with the same
     * outcome ({@link SplitListReader}).
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static <T> Transport.BodyReader<T> data(JavaType type) {
        Transport.BodyReader<T> whole = dataInOnePiece(type);
        Split<?> split = type.isCollectionLikeType() && type.getRawClass() == List.class ? SPLITS.get(type.getContentType().getRawClass()) : null;
        if (split == null) {
            return whole;
        }
        return (Transport.BodyReader<T>) new SplitListReader(factory(), (Transport.BodyReader) whole, split.firstName(),
                split.readers(), SplitListReader.PIECE_BYTES);
    }

    /**
     * Lists of {@code element} are read in pieces from now on: its objects all open with the member
     * {@code firstName}, and {@code readers} gives a reader for each piece that binds an object exactly as
     * the element's Jackson deserializer does.
     */
    public static <T> void splitLists(Class<T> element, String firstName, Supplier<SplitListReader.ElementReader<T>> readers) {
        SPLITS.put(element, new Split<>(firstName, readers));
    }

    /** How lists of an element type are cut into pieces. */
    private record Split<T>(String firstName, Supplier<SplitListReader.ElementReader<T>> readers) {}

    /** As {@link #data(JavaType)}, always on the caller's thread, as the answer arrives. */
    public static <T> Transport.BodyReader<T> dataInOnePiece(JavaType type) {
        ObjectReader reader = READERS.computeIfAbsent(type, MAPPER::readerFor);
        return body -> {
            try (JsonParser p = MAPPER.createParser(body)) {
                if (p.nextToken() != JsonToken.START_OBJECT) {
                    throw new com.fasterxml.jackson.core.JsonParseException(p, "not a JSON object");
                }
                T data = null;
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    JsonToken value = p.nextToken();
                    if ("data".equals(name) && value != JsonToken.VALUE_NULL) {
                        requireShape(p, type);
                        data = reader.readValue(p);
                    } else {
                        p.skipChildren();
                    }
                }
                return data;
            }
        };
    }

    /**
     * A reader of whole answers that binds {@code data} to {@code type} and keeps every other member
     * of the envelope ({@code total}, {@code changes}, ...) as a tree, by name.
     */
    public static <T> Transport.BodyReader<Enveloped<T>> dataAndEnvelope(JavaType type) {
        ObjectReader reader = READERS.computeIfAbsent(type, MAPPER::readerFor);
        return body -> {
            try (JsonParser p = MAPPER.createParser(body)) {
                if (p.nextToken() != JsonToken.START_OBJECT) {
                    throw new com.fasterxml.jackson.core.JsonParseException(p, "not a JSON object");
                }
                T data = null;
                java.util.Map<String, com.fasterxml.jackson.databind.JsonNode> others = new java.util.LinkedHashMap<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    JsonToken value = p.nextToken();
                    if ("data".equals(name)) {
                        if (value != JsonToken.VALUE_NULL) {
                            requireShape(p, type);
                        }
                        data = value == JsonToken.VALUE_NULL ? null : reader.readValue(p);
                    } else {
                        others.put(name, MAPPER.readTree(p));
                    }
                }
                return new Enveloped<>(data, others);
            }
        };
    }

    /**
     * Fields inside a model are read leniently (a value of the wrong shape leaves its field unset), but
     * {@code data} itself of the wrong shape (an object where a list is documented, a list where an
     * object is) is an error naming what was expected, never an empty answer.
     */
    private static void requireShape(JsonParser p, JavaType type) throws IOException {
        JsonToken t = p.currentToken();
        boolean listExpected = type.isCollectionLikeType() || type.isArrayType();
        if (listExpected && t != JsonToken.START_ARRAY) {
            throw com.fasterxml.jackson.databind.exc.MismatchedInputException.from(p, type, "expected a list, got " + t);
        }
        if (!listExpected && t == JsonToken.START_ARRAY && !type.isJavaLangObject() && !com.fasterxml.jackson.databind.JsonNode.class.isAssignableFrom(type.getRawClass())) {
            throw com.fasterxml.jackson.databind.exc.MismatchedInputException.from(p, type, "expected an object, got a list");
        }
    }

    /** An answer's bound {@code data} and the other members of its envelope. */
    public record Enveloped<T>(T data, java.util.Map<String, com.fasterxml.jackson.databind.JsonNode> others) {}

    /**
     * Jackson binds a string such as {@code "\u0661\u0660\u0661"} (Arabic-Indic digits) to the number 101, as
     * {@link Integer#parseInt} does: a number written as a string is bound only when its digits are ASCII, and
     * is otherwise a weird value (null, or 0 for a primitive), as any other unreadable string is here.
     */
    private static com.fasterxml.jackson.databind.Module asciiDigitsOnly() {
        var module = new com.fasterxml.jackson.databind.module.SimpleModule("ops-pve-ascii-digits");
        module.setDeserializerModifier(new com.fasterxml.jackson.databind.deser.BeanDeserializerModifier() {
            @Override
            public com.fasterxml.jackson.databind.JsonDeserializer<?> modifyDeserializer(com.fasterxml.jackson.databind.DeserializationConfig config,
                    com.fasterxml.jackson.databind.BeanDescription desc, com.fasterxml.jackson.databind.JsonDeserializer<?> deserializer) {
                Class<?> raw = desc.getBeanClass();
                boolean numeric = raw.isPrimitive() ? raw != boolean.class && raw != char.class && raw != void.class
                        : Number.class.isAssignableFrom(raw);
                return numeric ? new AsciiDigits<>(deserializer, raw) : deserializer;
            }
        });
        return module;
    }

    /** A number's deserializer that lets no string with a non-ASCII character through to the JDK's parsers. */
    private static final class AsciiDigits<T> extends com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer {
        private final Class<?> target;

        AsciiDigits(com.fasterxml.jackson.databind.JsonDeserializer<?> delegate, Class<?> target) {
            super(delegate);
            this.target = target;
        }

        @Override
        protected com.fasterxml.jackson.databind.JsonDeserializer<?> newDelegatingInstance(
                com.fasterxml.jackson.databind.JsonDeserializer<?> newDelegatee) {
            return new AsciiDigits<>(newDelegatee, target);
        }

        @Override
        public Object deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.currentToken() == JsonToken.VALUE_STRING && !p.getText().chars().allMatch(c -> c < 0x80)) {
                Object v = ctxt.handleWeirdStringValue(target, p.getText(), "only ASCII digits are numbers");
                return v == null && target.isPrimitive() ? _delegatee.getNullValue(ctxt) : v;
            }
            return _delegatee.deserialize(p, ctxt);
        }
    }

    private static ObjectMapper lenient(ObjectMapper m) {
        m.enable(JsonParser.Feature.USE_FAST_DOUBLE_PARSER);
        m.registerModule(asciiDigitsOnly());
        m.coercionConfigDefaults().setCoercion(CoercionInputShape.EmptyString, CoercionAction.AsNull);
        m.addHandler(new DeserializationProblemHandler() {
            @Override
            public Object handleWeirdStringValue(DeserializationContext ctxt, Class<?> target, String value, String failureMsg) {
                if (target == Boolean.class || target == boolean.class) {
                    String v = value.trim().toLowerCase(java.util.Locale.ROOT);
                    return TRUE.contains(v) ? Boolean.TRUE : FALSE.contains(v) ? Boolean.FALSE : null;
                }
                return null;
            }

            @Override
            public Object handleWeirdNumberValue(DeserializationContext ctxt, Class<?> target, Number value, String failureMsg) {
                if (target == Boolean.class || target == boolean.class) {
                    return value.doubleValue() != 0;
                }
                return null;
            }

            @Override
            public Object handleUnexpectedToken(DeserializationContext ctxt, JavaType target, JsonToken t, JsonParser p,
                    String failureMsg) throws IOException {
                p.skipChildren();
                return null;
            }
        });
        return m;
    }
}
