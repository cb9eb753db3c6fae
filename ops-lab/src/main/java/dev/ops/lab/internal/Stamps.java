package dev.ops.lab.internal;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** The time stamp the lab puts in the names it makes (safety snapshots, backup ids): {@code yyyyMMddHHmmss} in UTC. */
public final class Stamps {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(ZoneOffset.UTC);

    private Stamps() {}

    public static String format(Instant at) {
        return STAMP.format(at);
    }

    public static Instant parse(String stamp) {
        return STAMP.parse(stamp, Instant::from);
    }
}
