package dev.ops.usr.ssh;

import dev.ops.core.error.ValidationException;
import dev.ops.core.error.Violation;
import dev.ops.core.error.Violations;
import dev.ops.usr.error.UnreadableLineException;
import dev.ops.usr.ssh.internal.KeyLineParser;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The lines of an {@code authorized_keys} file, kept as the bytes they are (any encoding, with
 * their own line endings), each read the way sshd reads it: blank, comment, a key sshd lets in, a
 * key whose options sshd refuses, or a line ops cannot read.
 *
 * <p>Edits keep every line they do not change byte for byte. Edits that remove keys
 * ({@link #without}, {@link #retainOnly}) refuse with {@link UnreadableLineException} while the
 * file holds a line ops cannot read, since that line may be a key sshd lets in.
 */
public record AuthorizedKeysFile(List<Line> lines) {

    /** What a line is to sshd. */
    public enum Kind {
        /** Empty or only blanks: skipped. */
        BLANK,
        /** A comment ({@code #} after optional blanks): skipped. */
        COMMENT,
        /** A key sshd lets in (given the options allow it). */
        KEY,
        /** A recognisable key whose options sshd refuses (so it lets nobody in); still a key to remove. */
        REFUSED_KEY,
        /** Neither blank, nor a comment, nor a key ops can recognise. */
        UNREADABLE
    }

    /**
     * One line: its bytes without the line ending, the ending ({@code "\n"}, {@code "\r\n"} or
     * {@code ""} for a last line without one), what it is, its key (for {@link Kind#KEY} with its
     * options, for {@link Kind#REFUSED_KEY} without them; null otherwise) and why it is refused or
     * unreadable (empty otherwise).
     */
    public record Line(byte[] bytes, String ending, Kind kind, AuthorizedKey key, String problem) {
        /** Copies the bytes. */
        public Line {
            bytes = bytes.clone();
        }

        /** A new line holding {@code key} as {@link AuthorizedKey#render()} writes it. */
        public static Line of(AuthorizedKey key) {
            return new Line(key.render().getBytes(StandardCharsets.UTF_8), "\n", Kind.KEY, key, "");
        }

        /** The bytes, copied. */
        @Override
        public byte[] bytes() {
            return bytes.clone();
        }

        /** The line as text for people: UTF-8, with bytes that are not UTF-8 shown as U+FFFD. */
        public String text() {
            return new String(bytes, StandardCharsets.UTF_8);
        }

        /** Whether this line holds a key (one sshd lets in, or one whose options it refuses). */
        public boolean hasKey() {
            return key != null;
        }

        Line withEnding(String e) {
            return new Line(bytes, e, kind, key, problem);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Line l && Arrays.equals(bytes, l.bytes) && ending.equals(l.ending) && kind == l.kind
                    && java.util.Objects.equals(key, l.key) && problem.equals(l.problem);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(bytes) * 31 + ending.hashCode();
        }

        @Override
        public String toString() {
            return kind + "[" + UnreadableLineException.preview(bytes) + "]";
        }
    }

    /** Copies the lines. */
    public AuthorizedKeysFile {
        lines = List.copyOf(lines);
    }

    /** Parses a whole file given as text (encoded as UTF-8). */
    public static AuthorizedKeysFile parse(String text) {
        return parse(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Parses a whole file as bytes; no line is dropped or changed. */
    public static AuthorizedKeysFile parse(byte[] content) {
        List<Line> out = new ArrayList<>();
        int start = 0;
        while (start < content.length) {
            int nl = start;
            while (nl < content.length && content[nl] != '\n') {
                nl++;
            }
            int end = nl;
            String ending;
            if (nl == content.length) {
                ending = "";
            } else if (end > start && content[end - 1] == '\r') {
                end--;
                ending = "\r\n";
            } else {
                ending = "\n";
            }
            out.add(read(Arrays.copyOfRange(content, start, end), ending));
            start = nl + 1;
        }
        return new AuthorizedKeysFile(out);
    }

    /** Reads one line (without its ending) as sshd would. */
    static Line read(byte[] bytes, String ending) {
        int nul = 0;
        while (nul < bytes.length && bytes[nul] != 0) {
            nul++;
        }
        // sshd handles lines as C strings: whatever follows a NUL is invisible to it.
        String s = new String(bytes, 0, nul, StandardCharsets.UTF_8);
        if (KeyLineParser.isBlankOrComment(s)) {
            return new Line(bytes, ending, s.isBlank() ? Kind.BLANK : Kind.COMMENT, null, "");
        }
        Violations v = Violations.of("line");
        KeyLineParser.Parts parts = KeyLineParser.split(s, v);
        if (parts == null) {
            return unreadable(bytes, ending, v.list());
        }
        SshKeyType type = KeyLineParser.type(parts.type()).orElse(null);
        if (type == null) {
            return new Line(bytes, ending, Kind.UNREADABLE, null, "no key type ops knows ('" + shorten(parts.type()) + "')");
        }
        // sshd's base64 decoder skips white space other than the blanks that end the token.
        String base64 = parts.base64().replaceAll("[\\r\\u000b\\f]", "");
        AuthorizedKey bare;
        try {
            bare = new AuthorizedKey(List.of(), type, base64, "");
        } catch (ValidationException e) {
            return unreadable(bytes, ending, e.violations());
        }
        String comment = parts.comment();
        AuthorizedKey withComment = bare;
        try {
            withComment = new AuthorizedKey(List.of(), type, base64, comment);
        } catch (ValidationException e) {
            // a comment ops would not write (control characters): sshd ignores comments, so the key stands
        }
        if (!parts.optionsProblems().isEmpty()) {
            return new Line(bytes, ending, Kind.REFUSED_KEY, bare, String.join("; ", parts.optionsProblems()));
        }
        try {
            return new Line(bytes, ending, Kind.KEY, withComment.withOptions(parts.options()), "");
        } catch (ValidationException e) {
            return new Line(bytes, ending, Kind.REFUSED_KEY, bare, e.violations().stream().map(Violation::message).collect(Collectors.joining("; ")));
        }
    }

    private static Line unreadable(byte[] bytes, String ending, List<Violation> why) {
        return new Line(bytes, ending, Kind.UNREADABLE, null, why.stream().map(Violation::toString).collect(Collectors.joining("; ")));
    }

    private static String shorten(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "..." : s;
    }

    /** The keys sshd lets in, in file order (lines whose options sshd refuses are left out). */
    public List<AuthorizedKey> keys() {
        return lines.stream().filter(l -> l.kind() == Kind.KEY).map(Line::key).toList();
    }

    /** The lines ops cannot read, with their numbers (from 1). */
    public List<UnreadableLineException.Problem> unreadable() {
        List<UnreadableLineException.Problem> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Line l = lines.get(i);
            if (l.kind() == Kind.UNREADABLE) {
                out.add(new UnreadableLineException.Problem(i + 1, l.bytes(), l.problem()));
            }
        }
        return out;
    }

    /** Throws {@link UnreadableLineException} naming {@code path} and each line ops cannot read, if there is one. */
    public void requireReadable(String path) {
        List<UnreadableLineException.Problem> bad = unreadable();
        if (!bad.isEmpty()) {
            throw new UnreadableLineException(path, bad);
        }
    }

    /**
     * The file with {@code key} present: the first line with the same key is replaced in place
     * (keeping its line ending) when its options or comment differ or sshd refuses its options,
     * later lines with the same key are dropped, else the key is appended. Other lines stay as they are.
     */
    public AuthorizedKeysFile with(AuthorizedKey key) {
        List<Line> out = new ArrayList<>();
        boolean found = false;
        for (Line l : lines) {
            if (l.hasKey() && l.key().sameKey(key)) {
                if (!found) {
                    out.add(l.kind() == Kind.KEY && l.key().equals(key) ? l : Line.of(key).withEnding(l.ending().isEmpty() ? "\n" : l.ending()));
                    found = true;
                }
            } else {
                out.add(l);
            }
        }
        if (!found) {
            terminateLast(out);
            out.add(Line.of(key));
        }
        return new AuthorizedKeysFile(out);
    }

    /** The file without any line holding the same key as {@code key}; refuses while a line cannot be read. */
    public AuthorizedKeysFile without(AuthorizedKey key) {
        requireReadable("authorized_keys");
        return new AuthorizedKeysFile(lines.stream().filter(l -> !l.hasKey() || !l.key().sameKey(key)).toList());
    }

    /** The file keeping only the keys that are the same as one of {@code keep} (blank and comment lines stay); refuses while a line cannot be read. */
    public AuthorizedKeysFile retainOnly(List<AuthorizedKey> keep) {
        requireReadable("authorized_keys");
        return new AuthorizedKeysFile(lines.stream().filter(l -> !l.hasKey() || keep.stream().anyMatch(k -> k.sameKey(l.key()))).toList());
    }

    private static void terminateLast(List<Line> out) {
        if (!out.isEmpty() && out.get(out.size() - 1).ending().isEmpty()) {
            out.set(out.size() - 1, out.get(out.size() - 1).withEnding("\n"));
        }
    }

    /** The file's bytes: each line's bytes and its own line ending. */
    public byte[] bytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Line l : lines) {
            out.writeBytes(l.bytes);
            out.writeBytes(l.ending().getBytes(StandardCharsets.US_ASCII));
        }
        return out.toByteArray();
    }

    /** The file as text for people (UTF-8; see {@link #bytes()} for what is written). */
    public String render() {
        return new String(bytes(), StandardCharsets.UTF_8);
    }
}
