package dev.ops.gpu.nvidia;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ops.gpu.pci.PciAddress;
import dev.ops.testkit.host.ScriptedHost;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** nvidia-smi's CSV is read field by field, with the 8-digit domain, units left out and [N/A] values. */
class NvidiaSmiTest {

    private static String resource(String name) throws IOException {
        try (InputStream in = NvidiaSmiTest.class.getResourceAsStream("/nvidia/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void gpusAreParsedWithEveryField() throws IOException {
        var gpus = NvidiaSmi.parseGpus(resource("query-gpu.csv"));
        assertThat(gpus).hasSize(3);
        NvidiaGpu busy = gpus.get(1);
        assertThat(busy.address()).isEqualTo(PciAddress.parse("0000:0f:00.0"));
        assertThat(busy.name()).isEqualTo("NVIDIA A100-SXM4-40GB");
        assertThat(busy.uuid()).startsWith("GPU-2a8d");
        assertThat(busy.memoryTotalMib()).isEqualTo(40960);
        assertThat(busy.memoryUsedMib()).isEqualTo(18123);
        assertThat(busy.powerLimitWatts()).isEqualTo(400.0);
        assertThat(busy.persistenceMode()).isTrue();
        assertThat(busy.graphicsClockMhz()).isEqualTo(1410);
        assertThat(busy.temperatureC()).isEqualTo(58);
    }

    @Test
    void valuesNotReportedAreMinusOne() throws IOException {
        NvidiaGpu idle = NvidiaSmi.parseGpus(resource("query-gpu.csv")).get(2);
        assertThat(idle.powerDrawWatts()).isEqualTo(-1);
        assertThat(idle.temperatureC()).isEqualTo(-1);
        assertThat(idle.persistenceMode()).isFalse();
    }

    @Test
    void aNameWithACommaStaysOneField() {
        var g = NvidiaSmi.parseGpus("0, 00000000:01:00.0, GPU-x, Quadro RTX 8000, Rev 2, 550.1, 49152, 0, 260.00, 20.00, Enabled, 300, 2100, 30\n");
        assertThat(g.get(0).name()).isEqualTo("Quadro RTX 8000, Rev 2");
        assertThat(g.get(0).driverVersion()).isEqualTo("550.1");
    }

    @Test
    void computeProcessesAreParsed() throws IOException {
        var apps = NvidiaSmi.parseProcesses(resource("query-compute-apps.csv"));
        assertThat(apps).extracting(NvidiaProcess::pid).containsExactly(48121, 48200);
        assertThat(apps.get(0).usedMemoryMib()).isEqualTo(18110);
        assertThat(apps.get(1).usedMemoryMib()).isEqualTo(-1);
    }

    @Test
    void aHostWithoutTheToolHasNoNvidiaGpus() {
        ScriptedHost host = ScriptedHost.named("plain");
        assertThat(NvidiaSmi.on(host).list()).isEmpty();
    }

    @Test
    void oneRoundTripReadsGpusAndProcesses() throws IOException {
        String out = resource("query-gpu.csv") + "@apps\n" + resource("query-compute-apps.csv");
        ScriptedHost host = ScriptedHost.named("gpu-box").when(c -> c.render().contains("nvidia-smi"), "nvidia-smi").reply(out);
        assertThat(NvidiaSmi.on(host).list()).hasSize(3);
        assertThat(NvidiaSmi.on(host).processes()).hasSize(2);
    }
}
