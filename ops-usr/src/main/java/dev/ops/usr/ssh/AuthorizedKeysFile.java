package dev.ops.usr.ssh;

import dev.ops.core.error.ValidationException;
import java.util.ArrayList;
import java.util.List;

/**
 * The lines of an {@code authorized_keys} file: each kept as written, with its parsed key where it
 * is a valid key line (comments, blank lines and lines sshd would reject have none).
 */
public record AuthorizedKeysFile(List<Line> lines) {

    /** One line as written, and its key when it is a valid key line (null otherwise). */
    public record Line(String text, AuthorizedKey key) {}

    /** Copies the lines. */
    public AuthorizedKeysFile {
        lines = List.copyOf(lines);
    }

    /** Parses a whole file; invalid lines are kept as text without a key. */
    public static AuthorizedKeysFile parse(String text) {
        List<Line> out = new ArrayList<>();
        if (!text.isEmpty()) {
            for (String l : text.split("\n", -1)) {
                out.add(new Line(l, keyOrNull(l)));
            }
            if (text.endsWith("\n")) {
                out.remove(out.size() - 1);
            }
        }
        return new AuthorizedKeysFile(out);
    }

    private static AuthorizedKey keyOrNull(String line) {
        String s = line.strip();
        if (s.isEmpty() || s.startsWith("#")) {
            return null;
        }
        try {
            return AuthorizedKey.parse(line);
        } catch (ValidationException e) {
            return null;
        }
    }

    /** The valid keys, in file order. */
    public List<AuthorizedKey> keys() {
        return lines.stream().filter(l -> l.key() != null).map(Line::key).toList();
    }

    /** The file with {@code key} present: a line with the same key is replaced in place when its options or comment differ, else the key is appended. */
    public AuthorizedKeysFile with(AuthorizedKey key) {
        List<Line> out = new ArrayList<>();
        boolean found = false;
        for (Line l : lines) {
            if (l.key() != null && l.key().sameKey(key)) {
                if (!found) {
                    out.add(l.key().equals(key) ? l : new Line(key.render(), key));
                    found = true;
                }
            } else {
                out.add(l);
            }
        }
        if (!found) {
            out.add(new Line(key.render(), key));
        }
        return new AuthorizedKeysFile(out);
    }

    /** The file without any line holding the same key as {@code key}. */
    public AuthorizedKeysFile without(AuthorizedKey key) {
        return new AuthorizedKeysFile(lines.stream().filter(l -> l.key() == null || !l.key().sameKey(key)).toList());
    }

    /** The file keeping only the keys that are the same as one of {@code keep} (comments and other lines stay). */
    public AuthorizedKeysFile retainOnly(List<AuthorizedKey> keep) {
        return new AuthorizedKeysFile(lines.stream().filter(l -> l.key() == null || keep.stream().anyMatch(k -> k.sameKey(l.key()))).toList());
    }

    /** The file's text, each line ending in a newline. */
    public String render() {
        StringBuilder out = new StringBuilder();
        lines.forEach(l -> out.append(l.text()).append('\n'));
        return out.toString();
    }
}
