package dev.ops.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ops.core.Ops;
import dev.ops.core.host.LocalHost;
import dev.ops.core.testing.RealComponents;
import dev.ops.testkit.sandbox.SandboxHost;
import dev.ops.usr.account.User;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** docs/guide.md's examples are LabExamples' tagged regions, and each of them runs. */
@Timeout(120)
class GuideTest {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(buffer, true, StandardCharsets.UTF_8);

    @Test
    void theGuideQuotesTheExamplesWordForWord() throws Exception {
        String source = Files.readString(ROOT.resolve("ops-examples/src/main/java/dev/ops/examples/LabExamples.java"));
        String guide = Files.readString(ROOT.resolve("docs/guide.md"));
        for (String tag : List.of("allocate", "pve", "read", "users")) {
            String start = "// tag::" + tag + "[]\n";
            String region = source.substring(source.indexOf(start) + start.length(), source.indexOf("// end::" + tag + "[]"));
            assertThat(guide).as(tag).contains(dedent(region));
        }
    }

    @Test
    void allocationHandsOutAddressMacAndName() {
        String result = LabExamples.allocate(out);

        assertThat(result).isEqualTo("pve-node-02-vm-01 192.168.2.100 02:00:00:" + result.substring(result.lastIndexOf(' ') + 10));
        assertThat(buffer.toString(StandardCharsets.UTF_8)).contains("pve-node-02-vm-01 gets 192.168.2.100 via 192.168.2.1");
    }

    @Test
    void cloningOnProxmoxPlansAppliesAndRollsBack() {
        var clone = LabExamples.cloneOnProxmox(out);

        assertThat(clone.vmid()).isGreaterThanOrEqualTo(100);
        assertThat(buffer.toString(StandardCharsets.UTF_8)).contains("take the next free VMID").contains("then, at apply: clone")
                .contains("web-01");
    }

    @Test
    void theClusterIsReadThroughTypedModelsAndTheCallersOwnType() {
        assertThat(LabExamples.readTheCluster(out)).anySatisfy(l -> assertThat(l).startsWith("qemu/100 running up ").endsWith("on pve-01"))
                .contains("lxc/200 stopped up 0s on pve-02").anySatisfy(l -> assertThat(l).matches("pve-01 online \\d+ CPUs"));
    }

    @Test
    void aUserIsCreatedAndTakenBackInASandbox() {
        RealComponents.assume(SandboxHost.isSupported(), "root with unshare and nsenter");
        try (SandboxHost sandbox = SandboxHost.start()) {
            User alice = LabExamples.userRoundTrip(sandbox, Ops.inMemory(), out);

            assertThat(alice.uid()).isEqualTo(1050);
            assertThat(sandbox.run("getent", "passwd", "alice").exitCode()).isEqualTo(2);
            assertThat(LocalHost.create().run("getent", "passwd", "alice").exitCode()).isEqualTo(2);
            assertThat(buffer.toString(StandardCharsets.UTF_8)).contains("useradd");
        }
    }

    private static String dedent(String block) {
        List<String> lines = Arrays.asList(block.split("\n"));
        int indent = lines.stream().filter(l -> !l.isBlank()).mapToInt(l -> l.length() - l.stripLeading().length()).min().orElse(0);
        return lines.stream().map(l -> l.isBlank() ? "" : l.substring(Math.min(indent, l.length()))).collect(Collectors.joining("\n"));
    }
}
