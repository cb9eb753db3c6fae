package dev.ops.net.ipam;

import dev.ops.net.ipam.internal.IpamEngine;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ops.core.store.FileStateStore;
import dev.ops.net.IpAddress;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Two JVMs allocating at the same time from one {@link FileStateStore} directory never share an address. */
class TwoProcessAllocationTest {
    static final IpamConfig CONFIG = IpamConfig.of(NodeSubnet.of("n1", "10.0.0.0/16", "10.0.0.1").withRange(Pool.VM, "10.0.1.0-10.0.255.254"));
    static final int PER_PROCESS = 150;

    @TempDir
    Path dir;

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void concurrentAllocatorsInTwoJvmsNeverGetTheSameAddress() throws Exception {
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), AllocatorChild.class.getName(), dir.toString(),
                String.valueOf(PER_PROCESS), "child/")
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        List<IpAddress> mine = new ArrayList<>();
        try (FileStateStore store = FileStateStore.open(dir)) {
            IpamEngine ipam = IpamEngine.create(store, CONFIG);
            for (int i = 0; i < PER_PROCESS; i++) {
                mine.add(ipam.allocate("n1", Pool.VM, "parent/" + i).address());
            }
            assertThat(child.waitFor(90, TimeUnit.SECONDS)).as("child finished").isTrue();
            assertThat(child.exitValue()).isZero();
            List<IpAddress> theirs = readLines(child);

            Set<IpAddress> all = new HashSet<>(mine);
            assertThat(theirs).hasSize(PER_PROCESS).allSatisfy(ip -> assertThat(all.add(ip)).as("duplicate %s", ip).isTrue());
            assertThat(ipam.allocations("n1")).hasSize(2 * PER_PROCESS);
        } finally {
            child.destroyForcibly();
        }
    }

    private static List<IpAddress> readLines(Process p) throws IOException {
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return out.lines().filter(l -> !l.isBlank()).map(IpAddress::parse).toList();
    }
}
