package dev.ops.pbs;

import dev.ops.proxmox.JsonValue;

/** Reading optional fields of PBS answers. */
final class Values {
    private Values() {}

    /** The text of {@code name}, null when absent or null. */
    static String text(JsonValue v, String name) {
        JsonValue f = v.path(name);
        return f.isMissing() || f.isNull() ? null : f.asText();
    }

    /** The number of {@code name}, null when absent or null. */
    static Long number(JsonValue v, String name) {
        JsonValue f = v.path(name);
        return f.isMissing() || f.isNull() ? null : f.asLong();
    }
}
