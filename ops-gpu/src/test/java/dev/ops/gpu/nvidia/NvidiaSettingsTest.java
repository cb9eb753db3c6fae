package dev.ops.gpu.nvidia;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ops.core.Ops;
import dev.ops.core.change.Applied;
import dev.ops.core.error.ValidationException;
import dev.ops.testkit.host.ScriptedHost;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Persistence mode and power limit are set per GPU by bus id, and rolled back to the value read at plan. */
class NvidiaSettingsTest {

    private static ScriptedHost host() throws IOException {
        String out;
        try (InputStream in = NvidiaSettingsTest.class.getResourceAsStream("/nvidia/query-gpu.csv")) {
            out = new String(in.readAllBytes(), StandardCharsets.UTF_8) + "@apps\n";
        }
        return ScriptedHost.named("gpu-box").when(c -> c.render().contains("--query-gpu"), "query").reply(out)
                .when(c -> c.argv().get(0).equals("nvidia-smi"), "set").reply("")
                // the privilege check before apply: root
                .when(c -> c.render().contains("CapEff"), "privilege probe").reply("uid=0\n");
    }

    @Test
    void aPowerLimitIsSetByBusIdAndRolledBackToTheOldOne() throws IOException {
        ScriptedHost host = host();
        Applied<NvidiaGpu> done = NvidiaSettings.on(host, Ops.inMemory()).gpu("0000:0f:00.0").powerLimit().set(300).apply();
        done.rollback();
        assertThat(host.commandLines()).filteredOn(l -> l.contains(" -pl ")).containsExactly(
                "sudo -n nvidia-smi -i 00000000:0f:00.0 -pl 300", "sudo -n nvidia-smi -i 00000000:0f:00.0 -pl 400");
    }

    @Test
    void persistenceModeAlreadyOnPlansNothing() throws IOException {
        assertThat(NvidiaSettings.on(host(), Ops.inMemory()).gpu("0000:07:00.0").persistenceMode().set(true).plan().steps()).isEmpty();
    }

    @Test
    void anUnknownGpuOrABadLimitIsRefusedNamingTheField() throws IOException {
        ScriptedHost host = host();
        assertThatThrownBy(() -> NvidiaSettings.on(host, Ops.inMemory()).gpu("0000:09:00.0").persistenceMode().set(true).plan())
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violationsOf("address")).isNotEmpty());
        assertThatThrownBy(() -> NvidiaSettings.on(host, Ops.inMemory()).gpu("0000:07:00.0").powerLimit().set(-5).plan())
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violationsOf("powerLimit")).isNotEmpty());
    }
}
