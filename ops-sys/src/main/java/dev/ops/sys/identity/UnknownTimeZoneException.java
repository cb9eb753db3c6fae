package dev.ops.sys.identity;

import dev.ops.core.error.NotFoundException;

/** A time zone that is malformed or that the host's tz database does not have. Not retryable. */
public class UnknownTimeZoneException extends NotFoundException {
    private final String zone;

    public UnknownTimeZoneException(String host, String zone, String why) {
        super("time zone " + zone, why + " on " + host);
        this.zone = zone;
    }

    /** The zone asked for. */
    public String zone() {
        return zone;
    }
}
