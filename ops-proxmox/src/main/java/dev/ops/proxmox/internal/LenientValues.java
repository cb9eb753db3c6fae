package dev.ops.proxmox.internal;

import dev.ops.core.text.AsciiNumbers;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the value at the parser's current token the way Proxmox writes it: numbers sometimes as
 * strings, booleans as 0/1. A value of a shape the field cannot hold is skipped and read as null,
 * so that one odd field never fails a whole answer.
 */
public final class LenientValues {
    private LenientValues() {}

    /** Text: strings as they are, numbers in their JSON spelling, booleans as 1/0. */
    public static String text(JsonParser p) throws IOException {
        return switch (p.currentToken()) {
            case VALUE_STRING, VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> p.getText();
            case VALUE_TRUE -> "1";
            case VALUE_FALSE -> "0";
            default -> skip(p);
        };
    }

    /**
     * Text as {@link #text(JsonParser)}, but {@code previous} itself when the value is the same text:
     * the entries of a list repeat their node, type and status, and need not each hold a copy.
     */
    public static String text(JsonParser p, String previous) throws IOException {
        if (previous == null || p.currentToken() != JsonToken.VALUE_STRING) {
            return text(p);
        }
        char[] chars = p.getTextCharacters();
        int offset = p.getTextOffset();
        int length = p.getTextLength();
        if (length == previous.length()) {
            int i = 0;
            while (i < length && previous.charAt(i) == chars[offset + i]) {
                i++;
            }
            if (i == length) {
                return previous;
            }
        }
        return new String(chars, offset, length);
    }

    /** A whole number, from a number or a numeric string. */
    public static Long longValue(JsonParser p) throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_NUMBER_INT) {
            try {
                return p.getLongValue();
            } catch (com.fasterxml.jackson.core.exc.InputCoercionException tooLarge) {
                return null;
            }
        }
        if (t == JsonToken.VALUE_NUMBER_FLOAT) {
            return (long) p.getDoubleValue();
        }
        if (t == JsonToken.VALUE_STRING) {
            try {
                return AsciiNumbers.parseLong(p.getText().trim());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return skip(p);
    }

    /** An int, from a number or a numeric string; null if it does not fit. */
    public static Integer intValue(JsonParser p) throws IOException {
        Long v = longValue(p);
        return v == null || v != v.intValue() ? null : v.intValue();
    }

    /** A number, from a number or a numeric string. */
    public static Double number(JsonParser p) throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT) {
            return p.getDoubleValue();
        }
        if (t == JsonToken.VALUE_STRING) {
            try {
                return Double.parseDouble(p.getText().trim());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return skip(p);
    }

    /** A boolean, from true/false, 0/1 or their strings. */
    public static Boolean bool(JsonParser p) throws IOException {
        return switch (p.currentToken()) {
            case VALUE_TRUE -> true;
            case VALUE_FALSE -> false;
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> p.getDoubleValue() != 0;
            case VALUE_STRING -> switch (p.getText().trim().toLowerCase(java.util.Locale.ROOT)) {
                case "1", "true", "yes", "on" -> true;
                case "0", "false", "no", "off", "" -> false;
                default -> null;
            };
            default -> skip(p);
        };
    }

    /** A list of texts, from an array of scalars; elements of another shape are left out. */
    public static List<String> textList(JsonParser p) throws IOException {
        if (p.currentToken() != JsonToken.START_ARRAY) {
            return skip(p);
        }
        List<String> out = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
            String v = text(p);
            if (v != null) {
                out.add(v);
            }
        }
        return List.copyOf(out);
    }

    /**
     * Any value as plain Java: text, Long or Double, Boolean, null, or for objects and arrays what
     * Jackson reads untyped (maps and lists).
     */
    public static Object any(JsonParser p, com.fasterxml.jackson.databind.DeserializationContext ctxt) throws IOException {
        return switch (p.currentToken()) {
            case VALUE_STRING -> p.getText();
            case VALUE_NUMBER_INT -> p.getNumberType() == JsonParser.NumberType.BIG_INTEGER ? p.getBigIntegerValue() : (Object) p.getLongValue();
            case VALUE_NUMBER_FLOAT -> p.getDoubleValue();
            case VALUE_TRUE -> Boolean.TRUE;
            case VALUE_FALSE -> Boolean.FALSE;
            case VALUE_NULL -> null;
            default -> ctxt.readValue(p, Object.class);
        };
    }

    private static <T> T skip(JsonParser p) throws IOException {
        p.skipChildren();
        return null;
    }
}
