package dev.ops.lab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ops.lab.cli.internal.Terminal;
import dev.ops.lab.testing.FakeSites;
import dev.ops.lab.testing.LabFakes;
import dev.ops.testkit.pve.PveFakeServer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The ops command as a program: its main class in a JVM of its own, progress only where asked for, its completion script. */
@Timeout(120)
class OpsProgramTest {
    private PveFakeServer pve;
    private Path dir;
    private Path site;

    @BeforeEach
    void aSitePointedAtTheFakeCluster(@TempDir Path tmp) throws Exception {
        dir = tmp;
        pve = LabFakes.cluster().start();
        site = FakeSites.pointedAt(Files.createDirectories(tmp.resolve("site1")), pve);
    }

    @AfterEach
    void stopTheFake() {
        pve.close();
    }

    /** What a run printed and how it ended. */
    private record Run(int status, String out, String err) {}

    private Run ops(boolean terminal, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        List<String> all = new ArrayList<>(List.of("--site", site.toString()));
        all.addAll(List.of(args));
        int status = OpsCli.builder().environment(FakeSites.environment()).terminal(terminal)
                .out(new PrintWriter(out)).err(new PrintWriter(err)).build().run(all.toArray(String[]::new));
        return new Run(status, out.toString(), err.toString());
    }

    private Run program(Map<String, String> env, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), OpsCli.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectError(dir.resolve("err.txt").toFile());
        pb.environment().clear();
        pb.environment().putAll(env);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Run(p.exitValue(), out, Files.readString(dir.resolve("err.txt")));
    }

    @Test
    void theMainClassRunsInAJvmOfItsOwnAndExitsByOutcome() throws Exception {
        Run help = program(Map.of(), "--help");
        assertThat(help.status()).isZero();
        assertThat(help.out()).contains("runway", "plan", "apply", "rollback", "recover", "status", "clean", "completion");

        Run runway = program(FakeSites.environment(), "--site", site.toString(), "--json", "runway", "--no-hosts");
        assertThat(runway.status()).as("%s", runway.err()).isZero();
        JsonNode report = new ObjectMapper().readTree(runway.out());
        assertThat(report.path("checks").size()).isPositive();

        Run noSite = program(Map.of(), "runway");
        assertThat(noSite.status()).isEqualTo(ExitCode.INVALID.code());
        assertThat(noSite.err()).contains("--site");
    }

    @Test
    void stepsAreShownOnATerminalOrWhenAskedAndNeverMixIntoJson() throws Exception {
        Path toPve2 = dir.resolve("pve2.json");
        Path toPve3 = dir.resolve("pve3.json");
        Path again = dir.resolve("again.json");
        assertThat(ops(false, "plan", "replicate", "9000", "--to", "pve2", "--out", toPve2.toString()).status()).isZero();
        assertThat(ops(false, "plan", "replicate", "9000", "--to", "pve3", "--out", toPve3.toString()).status()).isZero();

        Run piped = ops(false, "apply", toPve2.toString(), "--yes");
        assertThat(piped.status()).isZero();
        assertThat(piped.err()).doesNotContain("done ");

        Run json = ops(true, "--json", "apply", toPve3.toString(), "--yes");
        assertThat(json.status()).isZero();
        assertThat(json.err()).doesNotContain("done ");
        assertThat(new ObjectMapper().readTree(json.out()).isObject()).isTrue();

        assertThat(ops(false, "plan", "replicate", "9000", "--out", again.toString()).status()).isZero();
        Run onTerminal = ops(true, "apply", again.toString(), "--yes");
        assertThat(onTerminal.status()).as("%s", onTerminal.err()).isZero();
        assertThat(onTerminal.err()).contains("  done ");
        assertThat(onTerminal.out()).doesNotContain("  done ");
    }

    @Test
    void theCompletionScriptCompletesEverySubcommandAndOption() throws Exception {
        Run completion = ops(false, "completion");
        assertThat(completion.status()).isZero();
        assertThat(completion.out()).startsWith("#!/usr/bin/env bash").contains("complete -F _complete_ops")
                .contains("runway", "plan", "apply", "rollback", "recover", "status", "clean", "completion", "help")
                .contains("--site", "--state", "--json", "--progress", "--yes");

        Path script = Files.writeString(dir.resolve("ops.bash"), completion.out());
        Process bash = new ProcessBuilder("bash", "-c", "source \"$0\" && complete -p ops", script.toString()).redirectErrorStream(true).start();
        String registered = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(bash.waitFor()).as(registered).isZero();
        assertThat(registered).contains("_complete_ops").endsWith("ops\n");
    }

    @Test
    void theLauncherSaysWhetherTheErrorStreamIsATerminal() {
        assertThat(Terminal.detect(Map.of("OPS_TERMINAL", "1"))).isTrue();
        assertThat(Terminal.detect(Map.of("OPS_TERMINAL", "0"))).isFalse();
    }
}
