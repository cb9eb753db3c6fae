package dev.ops.gpu.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ops.core.change.Action;
import dev.ops.core.json.internal.Json;
import dev.ops.gpu.device.internal.BindAction;
import dev.ops.gpu.pve.internal.MappingAction;
import java.util.List;
import org.junit.jupiter.api.Test;

/** ops-gpu's actions are stored under logical names and read back equal, so a fresh JVM can undo them. */
class GpuActionJsonTest {

    @Test
    void aBindActionIsStoredAsGpuBindAndReadBack() {
        Action action = new BindAction("pve-01", "/sys", "0000:01:00.0", "nvidia", "");
        byte[] bytes = Json.write(action);
        String json = new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
        assertThat(json).contains("\"gpu.bind\"").doesNotContain("BindAction");
        assertThat(Json.read(bytes, Action.class)).isEqualTo(action);
    }

    @Test
    void aMappingActionIsStoredAsGpuPciMappingAndReadBack() {
        Action action = new MappingAction("lab", "POST", "gpu0", "RTX", List.of("id=10de:2204,node=pve1,path=0000:01:00"));
        byte[] bytes = Json.write(action);
        String json = new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
        assertThat(json).contains("\"gpu.pci-mapping\"");
        assertThat(Json.read(bytes, Action.class)).isEqualTo(action);
    }
}
