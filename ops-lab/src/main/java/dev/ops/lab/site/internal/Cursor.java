package dev.ops.lab.site.internal;

import dev.ops.core.error.Violations;
import dev.ops.core.text.AsciiNumbers;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** A place in a site file (file, field path, node) that reads typed values and reports problems there. */
final class Cursor {
    private final String file;
    private final String path;
    private final YamlNode node;
    private final Violations problems;

    Cursor(String file, String path, YamlNode node, Violations problems) {
        this.file = file;
        this.path = path;
        this.node = node;
        this.problems = problems;
    }

    String file() {
        return file;
    }

    String path() {
        return path;
    }

    YamlNode node() {
        return node;
    }

    boolean present(String key) {
        YamlNode c = node.get(key);
        return c != null && !c.isNull();
    }

    Cursor child(String key) {
        YamlNode c = node.get(key);
        return new Cursor(file, path.isEmpty() ? key : path + "." + key, c == null ? YamlNode.missing(node.line()) : c, problems);
    }

    /** The entries of a map as cursors; a problem when this is something else. */
    List<Cursor> entries() {
        if (node.isNull()) {
            return List.of();
        }
        if (!node.isMap()) {
            problem("must be a map");
            return List.of();
        }
        List<Cursor> out = new ArrayList<>();
        node.entries().forEach((k, v) -> out.add(new Cursor(file, path + "." + k, v, problems)));
        return out;
    }

    /** The items of the list under {@code key} as cursors ({@code key[0]}, ...); a problem when it is something else. */
    List<Cursor> items(String key) {
        Cursor c = child(key);
        if (c.node.isNull()) {
            return List.of();
        }
        if (!c.node.isList()) {
            c.problem("must be a list");
            return List.of();
        }
        List<Cursor> out = new ArrayList<>();
        for (YamlNode item : c.node.items()) {
            out.add(new Cursor(file, c.path + "[" + out.size() + "]", item, problems));
        }
        return out;
    }

    /** The key this cursor's field ends with. */
    String key() {
        return path.substring(path.lastIndexOf('.') + 1);
    }

    /** Reports each key not among {@code known}. */
    Cursor allow(String... known) {
        if (node.isMap()) {
            List<String> ok = Arrays.asList(known);
            node.entries().forEach((k, v) -> {
                if (!ok.contains(k)) {
                    new Cursor(file, path.isEmpty() ? k : path + "." + k, v, problems)
                            .problem("is not a known key (known: " + String.join(", ", known) + ")");
                }
            });
        } else if (!node.isNull()) {
            problem("must be a map");
        }
        return this;
    }

    String text(String key, String fallback) {
        Cursor c = child(key);
        if (c.node.isNull()) {
            return fallback;
        }
        if (!c.node.isScalar()) {
            c.problem("must be a single value");
            return fallback;
        }
        return c.node.text();
    }

    String required(String key) {
        Cursor c = child(key);
        if (c.node.isNull() || (c.node.isScalar() && c.node.text().isBlank())) {
            c.problem("is required");
            return "";
        }
        return text(key, "");
    }

    int integer(String key, int fallback) {
        String t = text(key, null);
        if (t == null) {
            return fallback;
        }
        try {
            return AsciiNumbers.parseInt(t);
        } catch (NumberFormatException e) {
            child(key).problem("'" + t + "' is not a whole number");
            return fallback;
        }
    }

    boolean bool(String key, boolean fallback) {
        String t = text(key, null);
        if (t == null) {
            return fallback;
        }
        if (t.equals("true") || t.equals("false")) {
            return Boolean.parseBoolean(t);
        }
        child(key).problem("'" + t + "' must be true or false");
        return fallback;
    }

    List<String> strings(String key) {
        List<String> out = new ArrayList<>();
        for (Cursor item : items(key)) {
            if (item.node.isScalar()) {
                out.add(item.node.text());
            } else {
                item.problem("must be a single value");
            }
        }
        return out;
    }

    List<Integer> integers(String key) {
        List<Integer> out = new ArrayList<>();
        for (String s : strings(key)) {
            try {
                out.add(AsciiNumbers.parseInt(s));
            } catch (NumberFormatException e) {
                child(key).problem("'" + s + "' is not a whole number");
            }
        }
        return out;
    }

    void problem(String message) {
        problems.add(file + ":" + node.line() + " " + path, message);
    }
}
