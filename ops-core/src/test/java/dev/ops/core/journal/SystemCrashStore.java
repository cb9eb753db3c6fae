package dev.ops.core.journal;

import dev.ops.core.json.internal.Json;
import dev.ops.core.store.Durability;
import dev.ops.core.store.InMemoryStateStore;
import dev.ops.core.store.StateStore;
import dev.ops.core.store.Versioned;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * A store in memory that logs every write with its durability and can say what a crash of the
 * operating system could leave of it: each key at its last durable value (or absent), except the
 * keys whose relaxed writes that crash happened to keep. Writes are reported to a listener, so that
 * a test can note, at each one, what else the apply did so far.
 */
final class SystemCrashStore implements StateStore {
    /** One write: its key, whether it was durable, whether it deleted, and the value it wrote (null for a delete). */
    record Write(String key, Durability durability, boolean delete, byte[] value) {
        /** The key's first segment and the durability, as "journal durable". */
        String summary() {
            return key.substring(0, key.indexOf('/')) + " " + durability.name().toLowerCase() + (delete ? " delete" : "");
        }
    }

    private final InMemoryStateStore live = InMemoryStateStore.create();
    /** The last durable value of each key written durably; null for a durable delete. */
    private final Map<String, byte[]> durable = new HashMap<>();
    private final List<Write> writes = new ArrayList<>();
    private Runnable afterEachWrite = () -> {};

    void afterEachWrite(Runnable listener) {
        this.afterEachWrite = listener;
    }

    List<Write> writes() {
        return List.copyOf(writes);
    }

    /**
     * What a crash of the system now could leave, with the records of this JVM as those of a dead
     * process (a crash kills every process): the durable values, and the relaxed ones of the keys
     * {@code relaxedKept} accepts as they are now.
     */
    Map<String, byte[]> afterSystemCrash(Predicate<String> relaxedKept) {
        Map<String, byte[]> out = new TreeMap<>();
        for (Entry e : live.list("")) {
            if (relaxedKept.test(e.key())) {
                out.put(e.key(), e.value().value());
            }
        }
        durable.forEach((key, value) -> {
            if (!relaxedKept.test(key)) {
                if (value == null) {
                    out.remove(key);
                } else {
                    out.put(key, value);
                }
            }
        });
        String me = new String(Json.write(Owner.current()), StandardCharsets.UTF_8);
        String dead = new String(Json.write(new Owner(Owner.current().machine(), Owner.current().pid(), Instant.EPOCH)), StandardCharsets.UTF_8);
        out.replaceAll((k, v) -> new String(v, StandardCharsets.UTF_8).replace(me, dead).getBytes(StandardCharsets.UTF_8));
        return out;
    }

    /** A fresh store holding {@code image}, as the machine finds its store after the reboot. */
    static StateStore restored(Map<String, byte[]> image) {
        StateStore store = InMemoryStateStore.create();
        image.forEach(store::put);
        return store;
    }

    private <T> T logged(String key, Durability durability, boolean delete, boolean wrote, T result) {
        if (wrote) {
            byte[] value = delete ? null : live.get(key).orElseThrow().value();
            writes.add(new Write(key, durability, delete, value));
            if (durability == Durability.DURABLE) {
                durable.put(key, value);
            }
            afterEachWrite.run();
        }
        return result;
    }

    @Override
    public Optional<Versioned> get(String key) {
        return live.get(key);
    }

    @Override
    public long put(String key, byte[] value) {
        long version = live.put(key, value);
        return logged(key, Durability.DURABLE, false, true, version);
    }

    @Override
    public boolean compareAndSet(String key, long expectedVersion, byte[] value) {
        return compareAndSet(key, expectedVersion, value, Durability.DURABLE);
    }

    @Override
    public boolean compareAndSet(String key, long expectedVersion, byte[] value, Durability durability) {
        boolean done = live.compareAndSet(key, expectedVersion, value);
        return logged(key, durability, false, done, done);
    }

    @Override
    public boolean compareAndDelete(String key, long expectedVersion) {
        return compareAndDelete(key, expectedVersion, Durability.DURABLE);
    }

    @Override
    public boolean compareAndDelete(String key, long expectedVersion, Durability durability) {
        boolean done = live.compareAndDelete(key, expectedVersion);
        return logged(key, durability, true, done, done);
    }

    @Override
    public List<Entry> list(String prefix) {
        return live.list(prefix);
    }
}
