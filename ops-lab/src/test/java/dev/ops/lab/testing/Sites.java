package dev.ops.lab.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** The test site ({@code src/test/resources/site1}), copied where a test may change it. */
public final class Sites {
    private Sites() {}

    /** The checked-in site. */
    public static Path site1() {
        try {
            return Path.of(Sites.class.getResource("/site1/site.yml").toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A copy of site1 in {@code dir}. */
    public static Path copy(Path dir) {
        try (Stream<Path> files = Files.list(site1())) {
            for (Path f : files.toList()) {
                Files.copy(f, dir.resolve(f.getFileName()));
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Removes the lines of one of the copy's files from the one that is {@code first} to the one that is {@code last}, both included. */
    public static void drop(Path dir, String file, String first, String last) {
        try {
            Path f = dir.resolve(file);
            java.util.List<String> lines = new java.util.ArrayList<>(Files.readAllLines(f));
            int from = lines.indexOf(first);
            int to = lines.indexOf(last);
            if (from < 0 || to < from) {
                throw new IllegalArgumentException(file + " has no lines '" + first + "' .. '" + last + "'");
            }
            lines.subList(from, to + 1).clear();
            Files.write(f, lines);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Replaces {@code from} with {@code to} in one of the copy's files (the text must be there). */
    public static void edit(Path dir, String file, String from, String to) {
        try {
            Path f = dir.resolve(file);
            String text = Files.readString(f);
            if (!text.contains(from)) {
                throw new IllegalArgumentException(file + " has no '" + from + "'");
            }
            Files.writeString(f, text.replace(from, to));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
