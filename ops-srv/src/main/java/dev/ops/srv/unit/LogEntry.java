package dev.ops.srv.unit;

import java.time.Instant;
import java.util.Objects;

/**
 * One journal entry of a unit, from {@code journalctl -o json}.
 *
 * @param cursor the entry's cursor, to read on after it
 * @param time when it was logged ({@code __REALTIME_TIMESTAMP})
 * @param priority syslog priority, 0 (emerg) to 7 (debug); 6 when the entry has none
 * @param message the message; binary messages decoded as UTF-8 with replacement characters
 * @param pid the process that logged it, 0 when unknown
 */
public record LogEntry(String cursor, Instant time, int priority, String message, long pid) {
    public LogEntry {
        Objects.requireNonNull(cursor, "cursor");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(message, "message");
    }
}
