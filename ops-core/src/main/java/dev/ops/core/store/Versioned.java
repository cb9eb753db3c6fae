package dev.ops.core.store;

import java.nio.charset.StandardCharsets;

/** A stored value with the version it was read at. */
public record Versioned(byte[] value, long version) {

    /** The value as UTF-8 text. */
    public String text() {
        return new String(value, StandardCharsets.UTF_8);
    }
}
