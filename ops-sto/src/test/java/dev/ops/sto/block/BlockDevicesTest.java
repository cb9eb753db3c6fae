package dev.ops.sto.block;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ops.core.Ops;
import dev.ops.core.error.ValidationException;
import dev.ops.core.host.CommandResult;
import dev.ops.sto.VolumeNotFoundException;
import dev.ops.testkit.host.ScriptedHost;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Scheduler and read-ahead read from sysfs's text, set with the old value as undo (against a scripted host: sysfs is the machine's own). */
class BlockDevicesTest {
    private final ScriptedHost host = ScriptedHost.named("pve-01")
            .when(c -> c.argv().size() > 4 && c.argv().get(4).equals("sdb") && c.argv().get(2).startsWith("d=/sys"), "read sdb")
            .reply("none [mq-deadline] kyber bfq\n128\n")
            .when(c -> c.argv().size() > 4 && c.argv().get(4).equals("sdz"), "read sdz")
            .answer(c -> CommandResult.of("pve-01", c, 3, new byte[0], "".getBytes(StandardCharsets.UTF_8), Duration.ZERO, false));
    private final BlockDevices devices = BlockDevices.on(host, Ops.inMemory());

    @Test
    void theActiveSchedulerIsTheBracketedOne() {
        assertThat(devices.device("sdb").get()).isEqualTo(new BlockQueue("sdb", "mq-deadline", java.util.List.of("none", "mq-deadline", "kyber", "bfq"), 128));
    }

    @Test
    void settingPlansTheWriteWithTheOldValueAsUndo() {
        var plan = devices.device("sdb").scheduler("bfq").plan();
        assertThat(plan.steps()).singleElement().satisfies(s -> {
            assertThat(s.description()).isEqualTo("set the I/O scheduler of sdb from mq-deadline to bfq");
            assertThat(s.action().render()).contains("bfq").contains("scheduler");
            assertThat(s.undo().orElseThrow().render()).contains("mq-deadline");
        });
        assertThat(devices.device("sdb").scheduler("mq-deadline").plan().isEmpty()).isTrue();
        assertThat(devices.device("sdb").readAheadKb(4096).plan().steps().get(0).undo().orElseThrow().render()).contains("128");
    }

    @Test
    void badInputAndMissingDevicesAreTypedErrors() {
        assertThatThrownBy(() -> devices.device("../sda").scheduler("bfq").plan())
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violationsOf("device")).hasSize(1));
        assertThatThrownBy(() -> devices.device("sdb").scheduler("cfq").plan())
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violationsOf("scheduler")).hasSize(1));
        assertThatThrownBy(() -> devices.device("sdb").readAheadKb(-1).plan())
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violationsOf("readAheadKb")).hasSize(1));
        assertThatThrownBy(() -> devices.device("sdz").get()).isInstanceOfSatisfying(VolumeNotFoundException.class,
                e -> assertThat(e.field()).isEqualTo("device"));
    }
}
