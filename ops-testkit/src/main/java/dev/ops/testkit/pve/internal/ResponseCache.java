package dev.ops.testkit.pve.internal;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Serialised answers of the large listings ({@code /cluster/resources}, a node's guests), kept until
 * the cluster changes or its clock moves to the next second (uptimes count seconds). Building and
 * serialising 200 guests costs far more than the rest of a request, and listings are read much
 * more often than the cluster changes. Callers hold the cluster monitor.
 */
final class ResponseCache {
    private static final int MAX_ENTRIES = 64;

    /** What an answer depends on besides the cluster state: the call and who made it. */
    record Key(String template, Map<String, String> params, String principal) {}

    /** A serialised answer, and its gzipped form once a client asked for it. */
    static final class Answer {
        private final byte[] body;
        private byte[] gzipped;

        Answer(byte[] body) {
            this.body = body;
        }

        byte[] body() {
            return body;
        }

        synchronized byte[] gzipped() {
            if (gzipped == null) {
                gzipped = Compression.gzip(body);
            }
            return gzipped;
        }
    }

    private record Stored(long version, long second, Answer answer) {}

    private final Map<Key, Stored> entries = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, Stored> eldest) {
            return size() > MAX_ENTRIES;
        }
    };

    /** The answer stored for {@code key} at this cluster version and second, or null. */
    Answer get(Key key, long version, long second) {
        Stored e = entries.get(key);
        return e != null && e.version() == version && e.second() == second ? e.answer() : null;
    }

    void clear() {
        entries.clear();
    }

    void put(Key key, long version, long second, Answer answer) {
        entries.put(key, new Stored(version, second, answer));
    }
}
