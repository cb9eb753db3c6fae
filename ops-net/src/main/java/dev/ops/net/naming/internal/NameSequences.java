package dev.ops.net.naming.internal;

import dev.ops.net.naming.NamingConvention;

import dev.ops.core.error.OpsException;
import dev.ops.core.text.AsciiNumbers;
import dev.ops.core.store.StateStore;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * The sequences behind {@link dev.ops.net.naming.NameAllocator}: one counter per node and type in
 * the {@link StateStore} ({@code net/names/NODE/TYPE}), advanced with compare-and-set, so two
 * processes never get the same name. A name taken for a change is recorded under the change's claim
 * ({@code net/names-claim/CLAIM}), so that the undo can give it back.
 */
public final class NameSequences {
    /** The key prefix of sequence counters. */
    public static final String PREFIX = "net/names/";
    /** The key prefix of the names taken for changes, by claim. */
    public static final String CLAIM_PREFIX = "net/names-claim/";
    private final StateStore store;
    private final NamingConvention convention;

    private NameSequences(StateStore store, NamingConvention convention) {
        this.store = Objects.requireNonNull(store, "store");
        this.convention = Objects.requireNonNull(convention, "convention");
    }

    /** An allocator of {@code convention} names over {@code store}. */
    public static NameSequences create(StateStore store, NamingConvention convention) {
        return new NameSequences(store, convention);
    }

    /** The next name for {@code node} and {@code type}. */
    public String next(String node, String type) {
        return next(node, type, List.of());
    }

    /** The next name, also above every sequence among {@code existing} names (e.g. guests found on the node). */
    public String next(String node, String type, Collection<String> existing) {
        return take(node, type, convention.nextSequence(node, type, existing), null);
    }

    /**
     * Advances the sequence of {@code node}/{@code type} to at least {@code floor} and returns its
     * name, recording the sequence under {@code claim} (null for none) for {@link #giveBack}.
     */
    public String take(String node, String type, int floor, String claim) {
        convention.format(node, type, 0);
        String key = PREFIX + node + "/" + type;
        byte[] written = store.update(key, bytes -> {
            int last = bytes == null ? 0 : stored(node, type, bytes);
            return String.valueOf(Math.max(last + 1, floor)).getBytes(StandardCharsets.UTF_8);
        });
        int seq = stored(node, type, written);
        if (claim != null) {
            store.put(CLAIM_PREFIX + claim, (seq + " " + key).getBytes(StandardCharsets.UTF_8));
        }
        return convention.format(node, type, seq);
    }

    /** The sequence number the next {@link #take} would reach, without taking it. */
    public int peek(String node, String type, int floor) {
        int last = store.get(PREFIX + node + "/" + type).map(v -> stored(node, type, v.value())).orElse(0);
        return Math.max(last + 1, floor);
    }

    /** The name {@code claim} took, if any. */
    public java.util.Optional<String> claimed(String node, String type, String claim) {
        return store.get(CLAIM_PREFIX + claim).map(v -> convention.format(node, type, AsciiNumbers.parseInt(v.text().split(" ", 2)[0])));
    }

    /**
     * Gives back the name taken under {@code claim}: the counter steps back when it still stands at
     * that name (nobody took one since), else the name is left as a gap. Forgets the claim.
     */
    public static void giveBack(StateStore store, String claim) {
        store.get(CLAIM_PREFIX + claim).ifPresent(v -> {
            String[] seqAndKey = v.text().split(" ", 2);
            int seq = AsciiNumbers.parseInt(seqAndKey[0]);
            store.get(seqAndKey[1]).ifPresent(counter -> {
                if (counter.text().strip().equals(String.valueOf(seq))) {
                    byte[] back = String.valueOf(seq - 1).getBytes(StandardCharsets.UTF_8);
                    store.compareAndSet(seqAndKey[1], counter.version(), back);
                }
            });
            store.delete(CLAIM_PREFIX + claim);
        });
    }

    /** The sequence kept in the store; a typed error when the entry is not a number (a damaged or foreign entry). */
    private static int stored(String node, String type, byte[] bytes) {
        String text = new String(bytes, StandardCharsets.UTF_8).strip();
        try {
            if (AsciiNumbers.isDigits(text)) {
                return AsciiNumbers.parseInt(text);
            }
        } catch (NumberFormatException tooLarge) {
            // reported below
        }
        throw new OpsException("the name sequence of " + node + "/" + type + " in the state store is not a number: '" + text + "'");
    }
}
