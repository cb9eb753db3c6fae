package dev.ops.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * docs/using-ops.md and the README's "Add ops to your project" quote what the build runs: the Maven snippet is the
 * downstream project's pom (ops-downstream-test builds and tests it), the jbang lines are docs/examples/facts.java's
 * (bin/test runs it), and the Gradle snippet names the same artifacts at the reactor's version.
 */
class UsingOpsDocTest {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final List<Path> DOCS = List.of(ROOT.resolve("docs/using-ops.md"), ROOT.resolve("README.md"));

    @Test
    void theMavenSnippetIsTheDownstreamProjectsPomWordForWord() throws Exception {
        String pom = Files.readString(ROOT.resolve("ops-downstream-test/src/it/downstream/pom.xml"));
        String region = pom.substring(pom.indexOf("<!-- tag::maven[] -->\n") + "<!-- tag::maven[] -->\n".length(),
                pom.indexOf("<!-- end::maven[] -->"));
        for (Path doc : DOCS) {
            assertThat(Files.readString(doc)).as(doc.toString()).contains(dedent(region))
                    .contains("<ops.version>" + version() + "</ops.version>");
        }
    }

    @Test
    void theJbangLinesAreThoseOfTheExampleBinTestRuns() throws Exception {
        String deps = Files.readAllLines(ROOT.resolve("docs/examples/facts.java")).stream().filter(l -> l.startsWith("//DEPS "))
                .collect(Collectors.joining("\n"));

        assertThat(deps).contains("//DEPS dev.ops:ops-bom:" + version() + "@pom");
        for (Path doc : DOCS) {
            assertThat(Files.readString(doc)).as(doc.toString()).contains(deps);
        }
    }

    @Test
    void theGradleSnippetNamesTheMavenSnippetsArtifactsAtTheReactorsVersion() throws Exception {
        for (Path doc : DOCS) {
            String text = Files.readString(doc);
            String gradle = text.substring(text.indexOf("```kotlin\n"), text.indexOf("```", text.indexOf("```kotlin\n") + 3));

            assertThat(gradle).as(doc.toString()).contains("implementation(platform(\"dev.ops:ops-bom:" + version() + "\"))")
                    .contains("implementation(\"dev.ops:ops-pve\")").contains("testImplementation(\"dev.ops:ops-testkit-junit\")");
        }
    }

    private static String version() throws Exception {
        Matcher m = Pattern.compile("<artifactId>ops-parent</artifactId>\\s*<version>([^<]+)</version>")
                .matcher(Files.readString(ROOT.resolve("pom.xml")));
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    private static String dedent(String block) {
        List<String> lines = Arrays.asList(block.split("\n"));
        int indent = lines.stream().filter(l -> !l.isBlank()).mapToInt(l -> l.length() - l.stripLeading().length()).min().orElse(0);
        return lines.stream().map(l -> l.isBlank() ? "" : l.substring(indent)).collect(Collectors.joining("\n"));
    }
}
