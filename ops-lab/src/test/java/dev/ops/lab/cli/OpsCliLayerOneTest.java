package dev.ops.lab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ops.lab.testing.FakeSites;
import dev.ops.lab.testing.LabFakes;
import dev.ops.lab.testing.OpsRunner;
import dev.ops.testkit.pve.PveFakeServer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code ops plan l1} saves the templates layer's plan, {@code ops apply} builds it, and a second plan finds nothing to do. */
@Timeout(60)
class OpsCliLayerOneTest {
    private final PveFakeServer pve = LabFakes.withoutTemplates().start();
    @TempDir
    Path dir;
    private OpsRunner cli;

    @AfterEach
    void stop() {
        pve.close(); // strict: fails on any request the real API would refuse
    }

    private int ops(Path site, String... args) {
        cli = new OpsRunner(site, FakeSites.environment());
        return cli.run(args);
    }

    @Test
    void layerOneIsPlannedSavedAppliedAndThenHasNothingLeft() throws Exception {
        Path site = FakeSites.pointedAt(Files.createDirectories(dir.resolve("site1")), pve);
        Path saved = dir.resolve("l1.json");

        assertThat(ops(site, "plan", "l1", "--stable", "--out", saved.toString())).as("%s", cli.out()).isZero();
        assertThat(pve.requests()).allSatisfy(c -> assertThat(c.method()).isEqualTo("GET"));
        assertThat(Files.readString(saved)).contains("\"stable\" : true");

        assertThat(ops(site, "apply", saved.toString(), "--yes")).as("%s", cli.out()).isZero();
        assertThat(cli.out()).contains("layer L1");
        assertThat(pve.guestConfig(9000)).hasValueSatisfying(cfg -> assertThat(cfg).containsEntry("template", "1"));

        assertThat(ops(site, "plan", "l1", "--stable")).isZero();
        assertThat(cli.out()).contains("nothing to do");
    }
}
