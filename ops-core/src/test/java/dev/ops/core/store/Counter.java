package dev.ops.core.store;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** Increments a counter with a raw compare-and-set loop; also the child-process entry point for the cross-process test. */
public final class Counter {
    private Counter() {}

    static void increment(StateStore store, String key) {
        while (true) {
            var current = store.get(key);
            long n = current.map(v -> Long.parseLong(v.text())).orElse(0L);
            long expected = current.map(Versioned::version).orElse(StateStore.ABSENT);
            if (store.compareAndSet(key, expected, Long.toString(n + 1).getBytes(StandardCharsets.UTF_8))) {
                return;
            }
        }
    }

    /** {@code Counter DIR KEY COUNT}: increments KEY in the file store at DIR COUNT times. */
    public static void main(String[] args) {
        try (FileStateStore store = FileStateStore.open(Path.of(args[0]))) {
            int count = Integer.parseInt(args[2]);
            for (int i = 0; i < count; i++) {
                increment(store, args[1]);
            }
        }
    }
}
