package dev.ops.sys.facts;

import java.util.Map;
import java.util.Optional;

/**
 * The operating system as /etc/os-release describes it.
 *
 * @param fields every variable of the file, unquoted
 */
public record OsRelease(Map<String, String> fields) {

    public OsRelease {
        fields = Map.copyOf(fields);
    }

    /** {@code ID}, e.g. {@code debian}; {@code linux} when absent, as os-release(5) says. */
    public String id() {
        return fields.getOrDefault("ID", "linux");
    }

    /** {@code VERSION_ID}, e.g. {@code 12}; empty when absent (rolling releases). */
    public String versionId() {
        return fields.getOrDefault("VERSION_ID", "");
    }

    /** {@code PRETTY_NAME}, e.g. {@code Debian GNU/Linux 12 (bookworm)}. */
    public String prettyName() {
        return fields.getOrDefault("PRETTY_NAME", "Linux");
    }

    /** {@code VERSION_CODENAME}, e.g. {@code bookworm}. */
    public Optional<String> codename() {
        return Optional.ofNullable(fields.get("VERSION_CODENAME"));
    }

    /** A variable by name. */
    public Optional<String> field(String name) {
        return Optional.ofNullable(fields.get(name));
    }
}
