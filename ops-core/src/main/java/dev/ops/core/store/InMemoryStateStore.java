package dev.ops.core.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;

/** A state store that lives and dies with the JVM; for tests and dry-runs. Every {@link Durability} is the same to it. */
public final class InMemoryStateStore implements StateStore {
    private final ConcurrentSkipListMap<String, Versioned> data = new ConcurrentSkipListMap<>();

    public static InMemoryStateStore create() {
        return new InMemoryStateStore();
    }

    @Override
    public Optional<Versioned> get(String key) {
        return Optional.ofNullable(data.get(Keys.check(key))).map(v -> new Versioned(v.value().clone(), v.version()));
    }

    @Override
    public synchronized long put(String key, byte[] value) {
        Versioned old = data.get(Keys.check(key));
        long next = old == null ? 1 : old.version() + 1;
        data.put(key, new Versioned(value.clone(), next));
        return next;
    }

    @Override
    public synchronized boolean compareAndSet(String key, long expectedVersion, byte[] value) {
        Versioned old = data.get(Keys.check(key));
        long current = old == null ? ABSENT : old.version();
        if (current != expectedVersion) {
            return false;
        }
        data.put(key, new Versioned(value.clone(), current + 1));
        return true;
    }

    @Override
    public synchronized boolean compareAndDelete(String key, long expectedVersion) {
        Versioned old = data.get(Keys.check(key));
        if (old == null || old.version() != expectedVersion) {
            return false;
        }
        data.remove(key);
        return true;
    }

    @Override
    public String locationOf(String key) {
        return "memory, key " + key;
    }

    @Override
    public List<Entry> list(String prefix) {
        List<Entry> out = new ArrayList<>();
        for (Map.Entry<String, Versioned> e : data.tailMap(prefix, true).entrySet()) {
            if (!e.getKey().startsWith(prefix)) {
                break;
            }
            out.add(new Entry(e.getKey(), new Versioned(e.getValue().value().clone(), e.getValue().version())));
        }
        return out;
    }
}
