package dev.ops.core.store;

/**
 * How much a write to a {@link StateStore} must survive before the call returns: the hint its
 * writer gives, which a store may always exceed (write durably anyway) but never fall short of.
 *
 * <p>Every write is atomic whatever its durability: a reader sees the old value or the new one,
 * never a torn one, and so does a reader after any crash.
 */
public enum Durability {
    /**
     * On stable storage when the call returns: survives a crash of the process, of the operating
     * system and a power loss. What every write without a hint is.
     */
    DURABLE,

    /**
     * Survives a crash of the writing process, but a crash of the operating system or a power loss
     * may undo it: the key then holds an earlier value of it (the last durable one, or a relaxed one
     * written before this), or none, if it never had a durable one; a relaxed delete may be undone.
     * For records whose loss that crash makes harmless (a lock of a process it killed, the processes
     * it killed), or that a later durable write of the same key carries (see the journal's javadoc).
     * A store that keeps records on other machines than their writers writes these durably too.
     */
    RELAXED
}
