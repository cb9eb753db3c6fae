package dev.ops.lab.site.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A YAML document as a tree that remembers the line each value starts on, so that every problem
 * found in a site file can name its file, line and field (Jackson's tree model forgets locations).
 */
public final class YamlNode {
    private static final YAMLFactory FACTORY = new YAMLFactory();

    private final Object value;
    private final int line;

    private YamlNode(Object value, int line) {
        this.value = value;
        this.line = line;
    }

    /** Parses one document; an empty document is an empty map. */
    public static YamlNode parse(String text) throws IOException {
        try (JsonParser p = FACTORY.createParser(text)) {
            JsonToken t = p.nextToken();
            if (t == null) {
                return new YamlNode(Map.of(), 1);
            }
            return read(p);
        }
    }

    private static YamlNode read(JsonParser p) throws IOException {
        int line = p.currentTokenLocation().getLineNr();
        JsonToken t = p.currentToken();
        if (t == JsonToken.START_OBJECT) {
            Map<String, YamlNode> map = new LinkedHashMap<>();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String key = p.currentName();
                int keyLine = p.currentTokenLocation().getLineNr();
                p.nextToken();
                // A value is placed on its key's line: a nested map's own first token is a line below.
                map.put(key, new YamlNode(read(p).value, keyLine));
            }
            return new YamlNode(Collections.unmodifiableMap(map), line);
        }
        if (t == JsonToken.START_ARRAY) {
            List<YamlNode> list = new ArrayList<>();
            while (p.nextToken() != JsonToken.END_ARRAY) {
                list.add(read(p));
            }
            return new YamlNode(Collections.unmodifiableList(list), line);
        }
        if (t == JsonToken.VALUE_NULL) {
            return new YamlNode(null, line);
        }
        return new YamlNode(p.getText(), line);
    }

    /** A missing value, placed on the line of the map that lacks it. */
    static YamlNode missing(int line) {
        return new YamlNode(null, line);
    }

    /** The line this value starts on (1-based). */
    public int line() {
        return line;
    }

    public boolean isMap() {
        return value instanceof Map;
    }

    public boolean isList() {
        return value instanceof List;
    }

    public boolean isScalar() {
        return value instanceof String;
    }

    public boolean isNull() {
        return value == null;
    }

    /** The entries of a map, in file order; empty for anything else. */
    @SuppressWarnings("unchecked")
    public Map<String, YamlNode> entries() {
        return value instanceof Map ? (Map<String, YamlNode>) value : Map.of();
    }

    /** The items of a list; empty for anything else. */
    @SuppressWarnings("unchecked")
    public List<YamlNode> items() {
        return value instanceof List ? (List<YamlNode>) value : List.of();
    }

    /** The text of a scalar; null for anything else. */
    public String text() {
        return value instanceof String s ? s : null;
    }

    /** The child under {@code key}, or null. */
    public YamlNode get(String key) {
        return entries().get(key);
    }
}
