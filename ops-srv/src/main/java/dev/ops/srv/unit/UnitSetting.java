package dev.ops.srv.unit;

import java.util.Objects;

/**
 * One {@code Key=value} line of a unit file section, for drop-ins; built through
 * {@link DropIn.Builder#service(String, String)} and its siblings.
 *
 * @param section {@code Unit}, {@code Service} or {@code Install}
 * @param key the key, e.g. {@code MemoryMax}
 * @param value the value as systemd reads it; an empty value resets a list setting
 */
public record UnitSetting(String section, String key, String value) {

    public UnitSetting {
        Objects.requireNonNull(section, "section");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
    }
}
