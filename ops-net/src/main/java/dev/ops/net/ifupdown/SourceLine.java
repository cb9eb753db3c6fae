package dev.ops.net.ifupdown;

import java.util.Objects;

/**
 * A {@code source} or {@code source-directory} line; ops keeps it but does not follow it.
 *
 * @param keyword {@code source} or {@code source-directory}
 * @param path the path or glob
 * @param raw the exact parsed line, or null for a line made in code (not part of equality)
 */
public record SourceLine(String keyword, String path, String raw) implements Entry {

    public SourceLine {
        Objects.requireNonNull(keyword, "keyword");
        Objects.requireNonNull(path, "path");
    }

    @Override
    public String render() {
        return raw != null ? raw : keyword + " " + path;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SourceLine other && keyword.equals(other.keyword) && path.equals(other.path);
    }

    @Override
    public int hashCode() {
        return Objects.hash(keyword, path);
    }

    @Override
    public String toString() {
        return keyword + " " + path;
    }
}
