package dev.ops.sto.zfs;

import java.util.Objects;

/**
 * One property of a dataset as {@code zfs get -H -p} reports it.
 *
 * @param name the property, e.g. {@code recordsize}
 * @param value its value, exact ({@code 131072}, not {@code 128K}); {@code -} when it does not apply
 * @param source {@code local}, {@code default}, {@code inherited from tank}, {@code received}, {@code temporary} or {@code -}
 */
public record ZfsProperty(String name, String value, String source) {

    public ZfsProperty {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(source, "source");
    }

    /** Whether the value is set on the dataset itself (not inherited or a default). */
    public boolean isLocal() {
        return source.equals("local");
    }
}
