package dev.ops.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The README's code is real code: its taste block is Taste.java's tagged region, and that region runs. */
class ReadmeTest {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    @Test
    void theReadmeTasteIsTheCompiledTasteExample() throws Exception {
        String source = Files.readString(ROOT.resolve("ops-examples/src/main/java/dev/ops/examples/Taste.java"));
        String region = source.substring(source.indexOf("// tag::taste[]\n") + "// tag::taste[]\n".length(), source.indexOf("        // end::taste[]"));
        String readme = Files.readString(ROOT.resolve("README.md"));

        assertThat(readme).contains(dedent(region));
    }

    @Test
    void theTasteRunsAndLeavesNothingBehind() throws Exception {
        PrintStream original = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            Taste.main(new String[0]);
        } finally {
            System.setOut(original);
        }
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("Plan: file /tmp/ops-taste-motd present on local").contains("1 ok");
        assertThat(Path.of("/tmp/ops-taste-motd")).doesNotExist();
    }

    private static String dedent(String block) {
        List<String> lines = Arrays.asList(block.split("\n"));
        int indent = lines.stream().filter(l -> !l.isBlank()).mapToInt(l -> l.length() - l.stripLeading().length()).min().orElse(0);
        return lines.stream().map(l -> l.isBlank() ? "" : l.substring(indent)).collect(Collectors.joining("\n"));
    }
}
