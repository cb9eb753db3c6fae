package dev.ops.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** docs/jshell/ops.jsh (what bin/ops-jshell opens) imports every public package a user needs, and JShell takes it. */
@Timeout(120)
class JShellImportsTest {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Path SCRIPT = ROOT.resolve("docs/jshell/ops.jsh");
    /** Modules whose public packages a JShell user gets imported. */
    private static final List<String> MODULES = List.of("ops-core", "ops-ssh", "ops-net", "ops-proxmox", "ops-pve", "ops-sys", "ops-usr", "ops-sto",
            "ops-gpu", "ops-srv", "ops-lab", "ops-pbs", "ops-testkit", "ops-testkit-junit");
    /** Public packages that are not for users: the Immutables style ops' own values are generated with. */
    private static final Set<String> NOT_FOR_USERS = Set.of("dev.ops.core.value");

    @Test
    void importsEveryPublicPackageOfTheUserFacingModules() throws IOException {
        TreeSet<String> imported = Files.readAllLines(SCRIPT).stream().filter(l -> l.startsWith("import dev.ops."))
                .map(l -> l.substring("import ".length(), l.length() - ".*;".length())).collect(Collectors.toCollection(TreeSet::new));

        assertThat(imported).isEqualTo(publicPackages()).contains("dev.ops.pve.cluster", "dev.ops.testkit.pve");
    }

    @Test
    void jshellAcceptsTheScriptAndFindsTheTypesUsersReachFor() throws IOException {
        try (JShell shell = JShell.builder().executionEngine("local").build()) {
            shell.addToClasspath(System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")));
            List<String> problems = new ArrayList<>();
            String rest = Files.readString(SCRIPT);
            SourceCodeAnalysis analysis = shell.sourceCodeAnalysis();
            while (!rest.isBlank()) {
                SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(rest);
                for (SnippetEvent e : shell.eval(info.source())) {
                    if (e.status() == Snippet.Status.REJECTED || e.exception() != null) {
                        problems.add(e.snippet().source() + " -> " + e.status() + " "
                                + shell.diagnostics(e.snippet()).map(d -> d.getMessage(null)).toList() + " " + e.exception());
                    }
                }
                rest = info.remaining();
            }
            for (String type : List.of("ResourceType", "PveFakeServer", "PveFake", "PveClient", "Ops", "Users", "Network", "Facts")) {
                List<SnippetEvent> events = shell.eval(type + ".class.getName()");
                assertThat(events).as(type).allSatisfy(e -> assertThat(e.status()).isEqualTo(Snippet.Status.VALID));
            }

            assertThat(problems).isEmpty();
        }
    }

    private static TreeSet<String> publicPackages() throws IOException {
        TreeSet<String> out = new TreeSet<>();
        for (String module : MODULES) {
            Path src = ROOT.resolve(module).resolve("src/main/java");
            try (Stream<Path> files = Files.walk(src)) {
                for (Path f : files.filter(p -> p.toString().endsWith(".java") && !p.getFileName().toString().equals("package-info.java")).toList()) {
                    String pkg = src.relativize(f.getParent()).toString().replace(File.separatorChar, '.');
                    boolean internal = pkg.equals("internal") || pkg.contains(".internal");
                    if (!internal && !NOT_FOR_USERS.contains(pkg)
                            && Files.readAllLines(f).stream().anyMatch(l -> l.startsWith("public "))) {
                        out.add(pkg);
                    }
                }
            }
        }
        return out;
    }
}
