package dev.ops.pbs;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import dev.ops.proxmox.internal.LenientValues;
import dev.ops.proxmox.internal.ProxmoxJson;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Jackson's reader of one entry of {@code GET /admin/datastore/{store}/snapshots}, from the answer's
 * bytes straight into a {@link Snapshot} (no tree in between), leniently: an odd value is skipped and
 * read as absent. PBS writes every entry's fields in one order: the reader expects the order of the
 * entry before, so that the parser matches each name's bytes instead of looking it up; and entries
 * repeat their type, id, owner and file list, which are shared with the entry before rather than
 * copied. One reader per mapper, shared by threads: what it remembers is written racily but safely
 * (immutable values, each seen whole or not at all); a large listing read in pieces has a reader of its
 * own for each piece ({@link #splitListings}).
 */
final class SnapshotReader extends StdDeserializer<Snapshot> {
    /** What a field of an entry is; {@code OTHER} is one this client does not read. */
    private enum Kind {
        TYPE, ID, TIME, PROTECTED, OWNER, COMMENT, FILES, SIZE, VERIFICATION, FINGERPRINT, OTHER
    }

    /** A field name as it comes on the wire, and what it is. */
    private record Name(SerializedString wire, Kind kind) {}

    /** A file's fields in the order PBS writes them ({@code BackupContent}); only the first is read. */
    private static final SerializedString[] FILE_FIELDS = {
        new SerializedString("filename"), new SerializedString("crypt-mode"), new SerializedString("size")};
    private static final Map<String, Name> KNOWN = new ConcurrentHashMap<>();

    static {
        Object[][] known = {{"backup-type", Kind.TYPE}, {"backup-id", Kind.ID}, {"backup-time", Kind.TIME}, {"protected", Kind.PROTECTED},
            {"owner", Kind.OWNER}, {"comment", Kind.COMMENT}, {"files", Kind.FILES}, {"size", Kind.SIZE},
            {"verification", Kind.VERIFICATION}, {"fingerprint", Kind.FINGERPRINT}};
        for (Object[] k : known) {
            KNOWN.put((String) k[0], new Name(new SerializedString((String) k[0]), (Kind) k[1]));
        }
    }

    private static Name name(String wire) {
        Name n = KNOWN.get(wire);
        return n != null ? n : new Name(new SerializedString(wire), Kind.OTHER);
    }

    private List<Name> expected = List.of();
    private Last last = new Last("", "", null, List.of());

    SnapshotReader() {
        super(Snapshot.class);
    }

    /**
     * Lists of snapshots are read in pieces, on more than one thread ({@link ProxmoxJson#splitLists}): every
     * entry PBS sends opens with {@code backup-type} (the first field of its {@code SnapshotListItem}); each
     * piece has a reader of its own, which remembers the entries of its piece only.
     */
    static void splitListings() {
        ProxmoxJson.splitLists(Snapshot.class, "backup-type", () -> new SnapshotReader()::read);
    }

    @Override
    public Snapshot deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        return read(p);
    }

    /** The entry at the parser's token, as {@link #deserialize} reads it. */
    Snapshot read(JsonParser p) throws IOException {
        if (!p.isExpectedStartObjectToken()) {
            p.skipChildren();
            return new Entry().snapshot();
        }
        Last last = this.last;
        Entry e = new Entry();
        List<Name> expected = this.expected;
        List<Name> seen = null; // this entry's order, once it departs from the expected one
        int read = 0;
        int next = 0;
        while (true) {
            Name n = next < expected.size() ? expected.get(next) : null;
            if (n != null && p.nextFieldName(n.wire())) {
                next++;
            } else {
                if (n == null ? p.nextToken() != JsonToken.FIELD_NAME : !p.hasToken(JsonToken.FIELD_NAME)) {
                    break;
                }
                n = name(p.currentName());
                int at = indexOf(expected, n);
                next = at >= 0 ? at + 1 : next;
                if (seen == null) {
                    seen = new ArrayList<>(expected.subList(0, read));
                }
            }
            if (seen != null) {
                seen.add(n);
            }
            read++;
            p.nextToken();
            e.read(n.kind(), p, last);
        }
        if (seen != null || read != expected.size()) {
            this.expected = List.copyOf(seen != null ? seen : expected.subList(0, read));
        }
        if (e.type != last.type() || e.id != last.id() || e.owner != last.owner() || e.files != last.files()) {
            this.last = new Last(e.type, e.id, e.owner, e.files); // shared values are the same objects: mostly nothing changed
        }
        return e.snapshot();
    }

    private static int indexOf(List<Name> names, Name n) {
        for (int i = 0; i < names.size(); i++) {
            if (names.get(i).wire().getValue().equals(n.wire().getValue())) {
                return i;
            }
        }
        return -1;
    }

    /** What the entry before held that the next one likely repeats. */
    private record Last(String type, String id, String owner, List<String> files) {}

    /** One entry's fields while it is read. */
    private static final class Entry {
        private String type = "";
        private String id = "";
        private long time;
        private boolean isProtected;
        private String owner;
        private String comment;
        private List<String> files = List.of();
        private Long size;
        private String verification;
        private String fingerprint;

        void read(Kind kind, JsonParser p, Last last) throws IOException {
            switch (kind) {
                case TYPE -> type = text(p, last.type(), "");
                case ID -> id = text(p, last.id(), "");
                case TIME -> time = time(p);
                case PROTECTED -> isProtected = Boolean.TRUE.equals(LenientValues.bool(p));
                case OWNER -> owner = text(p, last.owner(), null);
                case COMMENT -> comment = text(p, null, null);
                case FILES -> files = files(p, last.files());
                case SIZE -> size = p.currentToken() == JsonToken.VALUE_NULL ? null : LenientValues.longValue(p);
                case VERIFICATION -> verification = verification(p);
                case FINGERPRINT -> fingerprint = text(p, null, null);
                case OTHER -> p.skipChildren();
            }
        }

        /**
         * The snapshot read; one of a type this client does not know is marked so, for the caller to
         * refuse the listing with a {@link dev.ops.core.error.ValidationException} (thrown here, it
         * would reach the caller as an unreadable answer).
         */
        Snapshot snapshot() {
            // Not a switch on the text, which would hash each entry's type.
            BackupType t = type.equals("vm") ? BackupType.VM : type.equals("ct") ? BackupType.CT
                    : type.equals("host") ? BackupType.HOST : null;
            if (t == null) {
                return new Snapshot(type);
            }
            SnapshotRef ref = SnapshotRef.of(t, id, Instant.ofEpochSecond(time));
            return new Snapshot(ref, size, isProtected, comment, verification, fingerprint, owner, files);
        }

        /** The backup time in epoch seconds (a number, or a numeric string), without boxing it; 0 when it is neither. */
        private static long time(JsonParser p) throws IOException {
            JsonToken t = p.currentToken();
            if (t == JsonToken.VALUE_NUMBER_INT) {
                try {
                    return p.getLongValue();
                } catch (com.fasterxml.jackson.core.exc.InputCoercionException tooLarge) {
                    return 0;
                }
            }
            if (t.isNumeric() || t == JsonToken.VALUE_STRING) {
                Long v = LenientValues.longValue(p);
                return v == null ? 0 : v;
            }
            p.skipChildren();
            return 0;
        }

        /** A text value (the previous entry's own string when it is the same), or {@code absent} for null or an object. */
        private static String text(JsonParser p, String previous, String absent) throws IOException {
            if (p.currentToken() == JsonToken.VALUE_NULL) {
                return absent;
            }
            String v = LenientValues.text(p, previous);
            return v == null ? absent : v;
        }

        /** The file names: objects with a {@code filename} (as PBS sends them) or plain strings (as its schema says). */
        private static List<String> files(JsonParser p, List<String> previous) throws IOException {
            if (p.currentToken() != JsonToken.START_ARRAY) {
                p.skipChildren();
                return List.of();
            }
            List<String> out = null; // null while every name so far is the previous entry's own string
            int i = 0;
            JsonToken t;
            for (; (t = p.nextToken()) != JsonToken.END_ARRAY && t != null; i++) {
                String prev = i < previous.size() ? previous.get(i) : null;
                String name;
                if (t == JsonToken.START_OBJECT) {
                    name = "";
                    int expected = 0; // the field expected next, in PBS's order: matched by its bytes
                    while (true) {
                        int field;
                        if (expected < FILE_FIELDS.length && p.nextFieldName(FILE_FIELDS[expected])) {
                            field = expected;
                        } else if (expected < FILE_FIELDS.length ? p.hasToken(JsonToken.FIELD_NAME)
                                : p.nextToken() == JsonToken.FIELD_NAME) {
                            field = fileField(p.currentName());
                        } else {
                            break;
                        }
                        expected = field >= 0 ? field + 1 : expected;
                        p.nextToken();
                        if (field == 0) {
                            String v = LenientValues.text(p, prev);
                            name = v == null ? "" : v;
                        } else {
                            p.skipChildren();
                        }
                    }
                } else {
                    String v = t == JsonToken.VALUE_NULL ? null : LenientValues.text(p, prev);
                    name = v == null ? "" : v;
                }
                if (out == null && name != prev) {
                    out = new ArrayList<>(Math.max(previous.size(), i + 1));
                    out.addAll(previous.subList(0, i));
                }
                if (out != null) {
                    out.add(name);
                }
            }
            if (out != null) {
                return out.equals(previous) ? previous : List.copyOf(out);
            }
            return i == previous.size() ? previous : List.copyOf(previous.subList(0, i));
        }

        private static int fileField(String name) {
            for (int i = 0; i < FILE_FIELDS.length; i++) {
                if (FILE_FIELDS[i].getValue().equals(name)) {
                    return i;
                }
            }
            return -1;
        }

        /** The {@code state} of a {@code verification} object; null otherwise. */
        private static String verification(JsonParser p) throws IOException {
            if (p.currentToken() != JsonToken.START_OBJECT) {
                p.skipChildren();
                return null;
            }
            String state = null;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                boolean isState = "state".equals(p.currentName());
                p.nextToken();
                if (isState && p.currentToken() != JsonToken.VALUE_NULL) {
                    state = LenientValues.text(p);
                } else {
                    p.skipChildren();
                }
            }
            return state;
        }
    }
}
