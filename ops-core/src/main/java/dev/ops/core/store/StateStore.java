package dev.ops.core.store;

import dev.ops.core.error.ConflictException;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The small key-value SPI that the journal, audit, IP allocations and resource metadata live in.
 *
 * <p>Keys are slash-separated paths of printable ASCII ({@code journal/2026/abc}); values are
 * bytes. Every key carries a version that starts at 1 and grows by one with each write, which
 * makes {@link #compareAndSet} possible. Implementations are safe for concurrent use by many
 * threads; the embedded {@link FileStateStore} is also safe across processes on one machine.
 *
 * <p>Every write is durable unless its writer says otherwise: the writes that take a
 * {@link Durability} may be {@link Durability#RELAXED}, kept safe from a crash of the process but
 * not from one of the operating system, which spares the embedded store its fsyncs. They stay
 * atomic. A store without a cheaper way writes them durably: the default methods here do.
 */
public interface StateStore extends AutoCloseable {

    /** The version {@link #compareAndSet} expects for a key that does not exist yet. */
    long ABSENT = 0;

    /** The current value and version of a key, if it exists. */
    Optional<Versioned> get(String key);

    /** Writes a value whatever is there, and returns the new version. */
    long put(String key, byte[] value);

    /**
     * Writes {@code value} only if the key's current version is {@code expectedVersion}
     * ({@link #ABSENT} for "does not exist"); returns whether it wrote.
     */
    boolean compareAndSet(String key, long expectedVersion, byte[] value);

    /** Deletes the key if its current version is {@code expectedVersion}; returns whether it deleted. */
    boolean compareAndDelete(String key, long expectedVersion);

    /** {@link #compareAndSet}, as durable as {@code durability} asks; by default durable. */
    default boolean compareAndSet(String key, long expectedVersion, byte[] value, Durability durability) {
        return compareAndSet(key, expectedVersion, value);
    }

    /** {@link #compareAndDelete}, as durable as {@code durability} asks; by default durable. */
    default boolean compareAndDelete(String key, long expectedVersion, Durability durability) {
        return compareAndDelete(key, expectedVersion);
    }

    /**
     * Every key that starts with {@code prefix}, in lexical order, with its value. A record the
     * store cannot read (a damaged file) is left out, never fails the whole listing; {@link #scan}
     * reports those too.
     */
    List<Entry> list(String prefix);

    /**
     * Like {@link #list}, and also the records under {@code prefix} that cannot be read, by key and
     * location, so that a reader can report them and go on with the rest.
     */
    default Scan scan(String prefix) {
        return new Scan(list(prefix), List.of());
    }

    /**
     * Where the record of {@code key} is kept, for messages that must let an operator find it: a file
     * path, a table and key.
     */
    default String locationOf(String key) {
        return "key " + key;
    }

    /** Deletes the key whatever its version; returns whether it existed. */
    default boolean delete(String key) {
        while (true) {
            Optional<Versioned> current = get(key);
            if (current.isEmpty()) {
                return false;
            }
            if (compareAndDelete(key, current.get().version())) {
                return true;
            }
        }
    }

    /**
     * Reads, transforms and writes back with compare-and-set until no other writer interferes.
     * The function gets {@code null} for an absent key; returning {@code null} deletes it.
     * Returns the value written.
     */
    default byte[] update(String key, UnaryOperator<byte[]> function) {
        return update(key, function, Durability.DURABLE);
    }

    /** {@link #update(String, UnaryOperator)}, its write as durable as {@code durability} asks. */
    default byte[] update(String key, UnaryOperator<byte[]> function, Durability durability) {
        for (int attempt = 0; attempt < 10_000; attempt++) {
            Optional<Versioned> current = get(key);
            byte[] next = function.apply(current.map(Versioned::value).orElse(null));
            long expected = current.map(Versioned::version).orElse(ABSENT);
            boolean done = next == null
                    ? current.isEmpty() || compareAndDelete(key, expected, durability)
                    : compareAndSet(key, expected, next, durability);
            if (done) {
                return next;
            }
            Thread.onSpinWait();
        }
        throw new ConflictException(key, "too much contention, update gave up", true);
    }

    @Override
    default void close() {}

    /** A key with its value and version, as returned by {@link #list}. */
    record Entry(String key, Versioned value) {}

    /** What {@link #scan} found: the readable entries in key order and the unreadable records. */
    record Scan(List<Entry> entries, List<UnreadableRecord> unreadable) {
        public Scan {
            entries = List.copyOf(entries);
            unreadable = List.copyOf(unreadable);
        }
    }
}
