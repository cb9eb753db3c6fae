package dev.ops.srv.unit;

import java.util.List;
import java.util.Optional;

/** Journal entries of a unit, oldest first, and the cursor to read on from. */
public final class LogPage {
    private final List<LogEntry> entries;
    private final String cursor;

    /** {@code entries}, read on from {@code after} when there are none. */
    public LogPage(List<LogEntry> entries, Optional<String> after) {
        this.entries = List.copyOf(entries);
        this.cursor = entries.isEmpty() ? after.orElse(null) : entries.get(entries.size() - 1).cursor();
    }

    /** The entries, oldest first. */
    public List<LogEntry> entries() {
        return entries;
    }

    /** The cursor to pass to the next read: the last entry's, or the one this read started after; empty when nothing was ever read. */
    public Optional<String> cursor() {
        return Optional.ofNullable(cursor);
    }
}
