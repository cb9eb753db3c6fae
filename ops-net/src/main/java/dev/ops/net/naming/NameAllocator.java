package dev.ops.net.naming;

import dev.ops.core.error.OpsException;
import dev.ops.core.text.AsciiNumbers;
import dev.ops.core.store.StateStore;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * Hands out names of a {@link NamingConvention} with a per node and type sequence kept in the
 * {@link StateStore} ({@code net/names/NODE/TYPE}) and advanced with compare-and-set, so two
 * processes never get the same name.
 */
public final class NameAllocator {
    /** The key prefix of sequence counters. */
    public static final String PREFIX = "net/names/";
    private final StateStore store;
    private final NamingConvention convention;

    private NameAllocator(StateStore store, NamingConvention convention) {
        this.store = Objects.requireNonNull(store, "store");
        this.convention = Objects.requireNonNull(convention, "convention");
    }

    /** An allocator of {@code convention} names over {@code store}. */
    public static NameAllocator create(StateStore store, NamingConvention convention) {
        return new NameAllocator(store, convention);
    }

    /** The next name for {@code node} and {@code type}. */
    public String next(String node, String type) {
        return next(node, type, List.of());
    }

    /** The next name, also above every sequence among {@code existing} names (e.g. guests found on the node). */
    public String next(String node, String type, Collection<String> existing) {
        convention.format(node, type, 0);
        int floor = convention.nextSequence(node, type, existing);
        byte[] written = store.update(PREFIX + node + "/" + type, bytes -> {
            int last = bytes == null ? 0 : stored(node, type, bytes);
            return String.valueOf(Math.max(last + 1, floor)).getBytes(StandardCharsets.UTF_8);
        });
        return convention.format(node, type, stored(node, type, written));
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
