package dev.ops.core.store;

import dev.ops.core.error.CorruptRecordException;

/**
 * A record that a listing skipped because it cannot be read, with where it is and why; readers
 * report these next to what they could read instead of failing on the first one.
 *
 * @param key the store key
 * @param location where it is kept (a file path, a table and key)
 * @param reason what is wrong with it
 */
public record UnreadableRecord(String key, String location, String reason) {

    /** The record an exception names. */
    public static UnreadableRecord of(CorruptRecordException e) {
        return new UnreadableRecord(e.key(), e.location(), e.reason());
    }

    @Override
    public String toString() {
        return key + " at " + location + ": " + reason;
    }
}
