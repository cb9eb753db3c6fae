package dev.ops.net.naming;

import dev.ops.core.Ops;
import dev.ops.core.change.Change;
import dev.ops.net.naming.internal.NameChange;
import dev.ops.net.naming.internal.NameSequences;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * Hands out names of a {@link NamingConvention} with a per node and type sequence kept in the state
 * store of {@link Ops} ({@code net/names/NODE/TYPE}) and advanced with compare-and-set, so two
 * processes never get the same name. Taking a name is a {@link Change}: the name is taken at apply,
 * and the undo gives it back (the sequence steps back when nobody took a later one).
 *
 * <pre>{@code
 * NameAllocator names = NameAllocator.on(NamingConvention.of("pve-{node}-{type}-{seq:02d}"), ops);
 * String name = names.next("node-02", "vm").apply().value();    // pve-node-02-vm-01
 * }</pre>
 */
public final class NameAllocator {
    /** The key prefix of sequence counters. */
    public static final String PREFIX = NameSequences.PREFIX;

    private final Ops ops;
    private final NamingConvention convention;
    private final NameSequences sequences;
    private final String target;

    private NameAllocator(NamingConvention convention, Ops ops) {
        this.ops = Objects.requireNonNull(ops, "ops");
        this.convention = Objects.requireNonNull(convention, "convention");
        this.sequences = NameSequences.create(ops.store(), convention);
        this.target = "names@" + Integer.toHexString(System.identityHashCode(sequences));
    }

    /** An allocator of {@code convention} names over {@code ops}'s state store. */
    public static NameAllocator on(NamingConvention convention, Ops ops) {
        return new NameAllocator(convention, ops);
    }

    /** The convention. */
    public NamingConvention convention() {
        return convention;
    }

    /** The next name for {@code node} and {@code type}, taken at apply. */
    public Change<String> next(String node, String type) {
        return next(node, type, List.of());
    }

    /** The next name, also above every sequence among {@code existing} names (e.g. guests found on the node), taken at apply. */
    public Change<String> next(String node, String type, Collection<String> existing) {
        return new NameChange(ops, sequences, convention, target, node, type, Objects.requireNonNull(existing, "existing"));
    }

    /** The name {@link #next(String, String, Collection)} would take now; reads only. */
    public String peek(String node, String type, Collection<String> existing) {
        return convention.format(node, type, sequences.peek(node, type, convention.nextSequence(node, type, existing)));
    }
}
