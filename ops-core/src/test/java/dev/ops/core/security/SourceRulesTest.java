package dev.ops.core.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Rules over the main sources of every module, for mistakes that one fix in one place does not
 * prevent: each names the class of defect it keeps out.
 */
class SourceRulesTest {
    /** The JDK's number parsers and digit test accept every script's digits ("١٢٧" is 127); ops reads ASCII only. */
    private static final Pattern UNICODE_DIGITS = Pattern.compile(
            "\\b(Integer\\.parseInt|Integer\\.parseUnsignedInt|Integer\\.valueOf|Integer\\.decode|Long\\.parseLong|Long\\.valueOf"
                    + "|Long\\.decode|Short\\.parseShort|Byte\\.parseByte|Character\\.isDigit|Character\\.digit)\\s*\\(\\s*(?!\\d+\\s*\\))");

    @Test
    void numbersAreParsedFromTextWithAsciiDigitsOnly() throws IOException {
        List<String> found = new ArrayList<>();
        for (Path file : mainSources()) {
            if (file.endsWith(Path.of("dev/ops/core/text/AsciiNumbers.java"))) {
                continue;
            }
            List<String> lines = Files.readAllLines(file);
            for (int i = 0; i < lines.size(); i++) {
                if (UNICODE_DIGITS.matcher(lines.get(i)).find()) {
                    found.add(file + ":" + (i + 1) + ": " + lines.get(i).strip());
                }
            }
        }
        assertThat(found).as("use dev.ops.core.text.AsciiNumbers instead").isEmpty();
    }

    private static List<Path> mainSources() throws IOException {
        Path root = Path.of("").toAbsolutePath();
        while (root != null && !Files.exists(root.resolve("mvnw"))) {
            root = root.getParent();
        }
        assertThat(root).as("project root above " + Path.of("").toAbsolutePath()).isNotNull();
        List<Path> out = new ArrayList<>();
        try (Stream<Path> modules = Files.list(root)) {
            for (Path module : (Iterable<Path>) modules.filter(m -> Files.isDirectory(m.resolve("src/main/java")))::iterator) {
                try (Stream<Path> files = Files.walk(module.resolve("src/main/java"))) {
                    files.filter(f -> f.toString().endsWith(".java")).forEach(out::add);
                }
            }
        }
        assertThat(out).as("main sources found").isNotEmpty();
        return out;
    }
}
