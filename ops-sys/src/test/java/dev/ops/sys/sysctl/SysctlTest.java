package dev.ops.sys.sysctl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ops.core.Ops;
import dev.ops.core.change.Applied;
import dev.ops.core.change.Plan;
import dev.ops.core.error.CommandFailedException;
import dev.ops.core.error.ValidationException;
import dev.ops.core.host.LocalHost;
import dev.ops.sys.support.Sandboxes;
import dev.ops.testkit.sandbox.SandboxHost;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class SysctlTest {
    private static final String KEY = "net.ipv4.ip_forward";
    private static final String FILE = "/etc/sysctl.d/90-ops-net.ipv4.ip_forward.conf";

    private final Ops ops = Ops.inMemory();
    private final LocalHost machine = LocalHost.create();
    private String machineValue;
    private SandboxHost sandbox;

    @BeforeEach
    void start() {
        sandbox = Sandboxes.start("sysctl-sbx");
        machineValue = machine.readText("/proc/sys/net/ipv4/ip_forward").orElseThrow();
    }

    @AfterEach
    void stop() {
        if (sandbox != null) {
            sandbox.close();
            assertThat(machine.readText("/proc/sys/net/ipv4/ip_forward")).contains(machineValue);
            assertThat(Files.exists(Path.of(FILE))).isFalse();
        }
    }

    private String live() {
        return sandbox.output("sysctl", "-n", KEY).strip();
    }

    @Test
    void readsTheLiveValue() {
        assertThat(Sysctl.on(sandbox, ops).get(KEY)).hasValue(live());
    }

    @Test
    void planListsTheLiveSetAndTheDropInAndChangesNothing() {
        Plan plan = Sysctl.on(sandbox, ops).key(KEY).persist().set("1").plan();

        assertThat(plan.steps()).hasSize(2);
        assertThat(plan.steps().get(0).action().render()).isEqualTo("sudo -n sysctl -w net.ipv4.ip_forward=1");
        assertThat(plan.steps().get(1).action().render()).startsWith("write " + FILE).contains("+ net.ipv4.ip_forward = 1");
        assertThat(live()).isEqualTo("0");
        assertThat(sandbox.readText(FILE)).isEmpty();
    }

    @Test
    void applySetsLiveAndPersistsAndRollbackRestoresBoth() {
        Applied<SysctlValue> done = Sysctl.on(sandbox, ops).key(KEY).persist().set("1").apply();

        assertThat(done.value()).isEqualTo(new SysctlValue(KEY, "1", FILE));
        assertThat(live()).isEqualTo("1");
        assertThat(sandbox.readText(FILE)).hasValueSatisfying(t -> assertThat(t).contains("net.ipv4.ip_forward = 1"));
        sandbox.check(dev.ops.core.host.Command.of("sysctl", "-w", KEY + "=0"));
        sandbox.check(dev.ops.core.host.Command.of("sysctl", "-p", FILE));
        assertThat(live()).as("the drop-in is valid for sysctl -p").isEqualTo("1");

        done.rollback();

        assertThat(live()).isEqualTo("0");
        assertThat(sandbox.readText(FILE)).isEmpty();
    }

    @Test
    void rollbackRestoresAnEarlierDropIn() {
        sandbox.writeFile(FILE, "net.ipv4.ip_forward = 0\n# earlier\n".getBytes(), "0644", false);

        Applied<SysctlValue> done = Sysctl.on(sandbox, ops).key(KEY).persist().set("1").apply();
        done.rollback();

        assertThat(sandbox.readText(FILE)).contains("net.ipv4.ip_forward = 0\n# earlier\n");
    }

    @Test
    void aKeyAlreadyAtItsValuePlansNothing() {
        Sysctl.on(sandbox, ops).key(KEY).persist().set("1").apply();

        assertThat(Sysctl.on(sandbox, ops).key(KEY).persist().set("1").plan().isEmpty()).isTrue();
    }

    @Test
    void multiFieldValuesCompareWithWhitespaceNormalized() {
        String current = Sysctl.on(sandbox, ops).get("net.ipv4.ip_local_port_range").orElseThrow();

        assertThat(current).matches("\\d+ \\d+");
        assertThat(Sysctl.on(sandbox, ops).key("net.ipv4.ip_local_port_range").set(current.replace(" ", "\t ")).plan().isEmpty())
                .isTrue();
    }

    @Test
    void anUnknownKeyIsATypedErrorAndNothingIsWritten() {
        assertThatThrownBy(() -> Sysctl.on(sandbox, ops).key("net.ipv4.no_such_key").persist().set("1").apply())
                .isInstanceOfSatisfying(UnknownSysctlKeyException.class, e -> assertThat(e.key()).isEqualTo("net.ipv4.no_such_key"))
                .hasMessageContaining("net.ipv4.no_such_key");
        assertThat(sandbox.changedPaths()).noneMatch(p -> p.startsWith("/etc/sysctl.d"));
    }

    @Test
    void malformedInputListsEveryProblem() {
        assertThatThrownBy(() -> Sysctl.on(sandbox, ops).key("net..bad key").persist("../x").set("1\n2").plan())
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                        .extracting(dev.ops.core.error.Violation::field).containsExactly("key", "value", "fileName"));
    }

    @Test
    void aValueTheKernelRefusesLeavesNoDropInBehind() {
        assertThatThrownBy(() -> Sysctl.on(sandbox, ops).key(KEY).persist().set("not-a-number").apply())
                .isInstanceOf(CommandFailedException.class);

        assertThat(live()).isEqualTo("0");
        assertThat(sandbox.readText(FILE)).isEmpty();
    }

    @Test
    void aLaterFileSettingTheSameKeyIsNoted() {
        sandbox.writeFile("/etc/sysctl.d/99-zzz.conf", "net.ipv4.ip_forward=0\n".getBytes(), "0644", false);

        Plan plan = Sysctl.on(sandbox, ops).key(KEY).persist().set("1").plan();

        assertThat(plan.notes()).anySatisfy(n -> assertThat(n).contains("/etc/sysctl.d/99-zzz.conf"));
    }

    @Test
    void anExistingDropInKeepsItsModeOwnerAndLineEndsAndRollbackRestoresItsBytes() {
        byte[] before = "net.ipv4.ip_forward = 0\r\n# caf\u00e9\r\n".getBytes(StandardCharsets.ISO_8859_1);
        sandbox.writeFile(FILE, before, "0600", false);
        sandbox.check(dev.ops.core.host.Command.of("chown", "4242:4343", FILE));

        Applied<SysctlValue> done = Sysctl.on(sandbox, ops).key(KEY).persist().set("1").apply();

        String written = new String(sandbox.readFile(FILE, false).orElseThrow(), StandardCharsets.ISO_8859_1);
        assertThat(written).contains("net.ipv4.ip_forward = 1\r\n");
        assertThat(written.replace("\r\n", "")).as("every line ends CR LF").doesNotContain("\n");
        assertThat(sandbox.output("stat", "-c", "%a %u:%g", FILE).strip()).isEqualTo("600 4242:4343");

        done.rollback();

        assertThat(sandbox.readFile(FILE, false).orElseThrow()).isEqualTo(before);
        assertThat(sandbox.output("stat", "-c", "%a %u:%g", FILE).strip()).isEqualTo("600 4242:4343");
    }
}
