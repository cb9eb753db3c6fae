package dev.ops.sys.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.ops.core.error.OpsException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RatesTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private static Reading reading(double uptime, CpuTimes cpu, DiskCounters disk, NetCounters net, long available, Pressure pressure) {
        return new Reading("h", T0.plusMillis((long) (uptime * 1000)), uptime, cpu, Map.of("cpu0", cpu), Map.of(disk.device(), disk),
                Map.of(net.iface(), net), 1000, available, pressure);
    }

    private final Reading before = reading(100.0, new CpuTimes(100, 0, 100, 700, 100, 0, 0, 0),
            new DiskCounters("sda", 10, 1000, 20, 2000, 5000), new NetCounters("eth0", 1000, 10, 5000, 50), 800,
            new Pressure(true, 0, 1_000_000, 0, 0));
    private final Reading after = reading(102.0, new CpuTimes(150, 0, 150, 750, 150, 0, 0, 0),
            new DiskCounters("sda", 30, 3048, 60, 6096, 6000), new NetCounters("eth0", 3000, 30, 9000, 90), 600,
            new Pressure(true, 0, 2_000_000, 0, 500_000));

    @Test
    void cpuPercentsComeFromTickDeltas() {
        Rates r = Rates.between(before, after);

        assertThat(r.interval()).isEqualTo(Duration.ofSeconds(2));
        assertThat(r.cpuBusyPercent()).isCloseTo(50.0, within(1e-9));
        assertThat(r.cpuIowaitPercent()).isCloseTo(25.0, within(1e-9));
        assertThat(r.cpuBusyPercentByCpu()).containsEntry("cpu0", 50.0);
    }

    @Test
    void diskThroughputCountsSectorsOf512Bytes() {
        DiskRate d = Rates.between(before, after).disks().get("sda");

        assertThat(d.readBytesPerSecond()).isCloseTo(2048 * 512 / 2.0, within(1e-9));
        assertThat(d.writeBytesPerSecond()).isCloseTo(4096 * 512 / 2.0, within(1e-9));
        assertThat(d.readsPerSecond()).isCloseTo(10.0, within(1e-9));
        assertThat(d.writesPerSecond()).isCloseTo(20.0, within(1e-9));
        assertThat(d.utilizationPercent()).isCloseTo(50.0, within(1e-9));
    }

    @Test
    void networkThroughputPerInterface() {
        NetRate n = Rates.between(before, after).networks().get("eth0");

        assertThat(n).isEqualTo(new NetRate(1000.0, 2000.0, 10.0, 20.0));
    }

    @Test
    void memoryUseAndPressureStallShare() {
        Rates r = Rates.between(before, after);

        assertThat(r.memoryUsedPercent()).isCloseTo(40.0, within(1e-9));
        assertThat(r.memoryPressureSomePercent()).isCloseTo(50.0, within(1e-9));
        assertThat(r.memoryPressureFullPercent()).isCloseTo(25.0, within(1e-9));
        assertThat(r.metrics()).containsEntry("memory.pressure.some.percent", 50.0).containsEntry("disk.sda.reads_per_second", 10.0)
                .containsEntry("net.eth0.tx.bytes_per_second", 2000.0);
    }

    @Test
    void noPressureWithoutPsi() {
        Reading a = reading(1, before.cpu(), before.disks().get("sda"), before.networks().get("eth0"), 800, Pressure.ABSENT);
        Reading b = reading(2, after.cpu(), after.disks().get("sda"), after.networks().get("eth0"), 800, Pressure.ABSENT);

        assertThat(Rates.between(a, b).memoryPressureSomePercent()).isZero();
    }

    @Test
    void aCounterThatWentBackwardsGivesNoRateForThatDevice() {
        Reading replaced = reading(102.0, after.cpu(), new DiskCounters("sda", 1, 1, 1, 1, 1), after.networks().get("eth0"), 600, after.memoryPressure());

        assertThat(Rates.between(before, replaced).disks()).doesNotContainKey("sda");
    }

    @Test
    void readingsAcrossARebootAreRefused() {
        Reading rebooted = reading(5.0, after.cpu(), after.disks().get("sda"), after.networks().get("eth0"), 600, after.memoryPressure());

        assertThatThrownBy(() -> Rates.between(before, rebooted)).isInstanceOf(OpsException.class).hasMessageContaining("reboot");
    }
}
