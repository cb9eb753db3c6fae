package dev.ops.sto.send;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ops.core.host.Command;
import dev.ops.core.host.LocalHost;
import dev.ops.core.testing.JavaProcess;
import dev.ops.core.testing.RealComponents;
import dev.ops.sto.support.LoopBtrfs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Btrfs send on the host ops runs on, as on a node: through {@link LocalHost}, in a child JVM
 * started in a mount namespace of its own ({@code unshare --mount}), where two Btrfs file systems on
 * loop devices are mounted ({@link LocalSendInNamespace} does the work and writes what it saw). The
 * machine's own mounts never change. Skips without root, btrfs-progs, loop devices or unshare;
 * fails instead under {@code OPS_REQUIRE_REAL=1}.
 */
@Timeout(180)
class LocalSendRealTest {
    @TempDir
    Path dir;

    @Test
    void onThisMachineTheSendPlanLooksWithoutStartingAProcessAndTheStreamArrivesWhole() throws Exception {
        LoopBtrfs.assumeAvailable();
        RealComponents.program("unshare");
        LocalHost local = LocalHost.create();
        for (String name : List.of("src", "dst")) {
            local.check(Command.of("truncate", "-s", "256M", dir.resolve(name + ".img").toString()));
            local.check(Command.of("mkfs.btrfs", "-q", dir.resolve(name + ".img").toString()));
        }
        try {
            Process child = JavaProcess.startUnder(List.of("unshare", "--mount", "--propagation", "private"), LocalSendInNamespace.class,
                    dir.toString());
            assertThat(JavaProcess.await(child)).as("the child's exit code (its reasons are on stderr)").isZero();
        } finally {
            for (String name : List.of("src", "dst")) {
                String left = local.run("losetup", "-n", "-O", "NAME", "-j", dir.resolve(name + ".img").toString()).stdoutText().strip();
                if (!left.isEmpty()) {
                    local.run("losetup", "-d", left);
                }
            }
        }
        List<String> seen = Files.readAllLines(dir.resolve("seen"));
        assertThat(seen).containsExactly(
                "own mount namespace: true",
                "commands run by the plan of the full send: 0",
                "commands run by the plan of the incremental send: 0",
                "received content equals the sent: true",
                "steps in a second plan: 0",
                "received snapshot after rollback: false");
    }
}
