package dev.ops.sys.metrics;

import dev.ops.core.error.OpsException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * What changed between two {@link Reading}s of one host, per second: CPU use, disk and network
 * throughput, memory use and memory pressure. The interval is measured on the host's own
 * monotonic clock (/proc/uptime), not the caller's. A counter that went backwards (a device
 * replaced) gives no rate for that device.
 *
 * @param host the host's name
 * @param at when the later reading was taken
 * @param interval the time between the readings on the host
 * @param cpuBusyPercent CPU busy time over all CPUs, 0 to 100
 * @param cpuIowaitPercent CPU time waiting for I/O, 0 to 100
 * @param cpuBusyPercentByCpu busy percent per CPU
 * @param disks throughput per block device
 * @param networks throughput per interface
 * @param memoryUsedPercent memory in use (total minus available) at the later reading
 * @param memoryPressureSomePercent share of the interval in which some task stalled on memory (0 without PSI)
 * @param memoryPressureFullPercent share of the interval in which all tasks stalled on memory (0 without PSI)
 */
public record Rates(String host, Instant at, Duration interval, double cpuBusyPercent, double cpuIowaitPercent,
        Map<String, Double> cpuBusyPercentByCpu, Map<String, DiskRate> disks, Map<String, NetRate> networks, double memoryUsedPercent,
        double memoryPressureSomePercent, double memoryPressureFullPercent) {

    public Rates {
        cpuBusyPercentByCpu = Map.copyOf(cpuBusyPercentByCpu);
        disks = Map.copyOf(disks);
        networks = Map.copyOf(networks);
    }

    /** The rates between an earlier and a later reading of the same host and boot. */
    public static Rates between(Reading earlier, Reading later) {
        if (!earlier.host().equals(later.host())) {
            throw new OpsException("readings of different hosts: " + earlier.host() + " and " + later.host());
        }
        double seconds = later.uptimeSeconds() - earlier.uptimeSeconds();
        if (seconds <= 0) {
            throw new OpsException("readings of " + later.host() + " are not in order or span a reboot (uptime " + earlier.uptimeSeconds()
                    + " s, then " + later.uptimeSeconds() + " s)");
        }
        Map<String, Double> perCpu = new TreeMap<>();
        later.cpus().forEach((name, t) -> {
            CpuTimes e = earlier.cpus().get(name);
            if (e != null && t.total() > e.total()) {
                perCpu.put(name, percent(t.busy() - e.busy(), t.total() - e.total()));
            }
        });
        long totalDelta = later.cpu().total() - earlier.cpu().total();
        double busy = totalDelta > 0 ? percent(later.cpu().busy() - earlier.cpu().busy(), totalDelta) : 0;
        double iowait = totalDelta > 0 ? percent(later.cpu().iowait() - earlier.cpu().iowait(), totalDelta) : 0;
        Map<String, DiskRate> disks = new TreeMap<>();
        later.disks().forEach((name, d) -> {
            DiskCounters e = earlier.disks().get(name);
            if (e != null && d.sectorsRead() >= e.sectorsRead() && d.sectorsWritten() >= e.sectorsWritten()
                    && d.readsCompleted() >= e.readsCompleted() && d.writesCompleted() >= e.writesCompleted() && d.ioMillis() >= e.ioMillis()) {
                disks.put(name, new DiskRate((d.sectorsRead() - e.sectorsRead()) * 512.0 / seconds,
                        (d.sectorsWritten() - e.sectorsWritten()) * 512.0 / seconds, (d.readsCompleted() - e.readsCompleted()) / seconds,
                        (d.writesCompleted() - e.writesCompleted()) / seconds, Math.min(100.0, (d.ioMillis() - e.ioMillis()) / (seconds * 10.0))));
            }
        });
        Map<String, NetRate> nets = new TreeMap<>();
        later.networks().forEach((name, n) -> {
            NetCounters e = earlier.networks().get(name);
            if (e != null && n.rxBytes() >= e.rxBytes() && n.txBytes() >= e.txBytes() && n.rxPackets() >= e.rxPackets()
                    && n.txPackets() >= e.txPackets()) {
                nets.put(name, new NetRate((n.rxBytes() - e.rxBytes()) / seconds, (n.txBytes() - e.txBytes()) / seconds,
                        (n.rxPackets() - e.rxPackets()) / seconds, (n.txPackets() - e.txPackets()) / seconds));
            }
        });
        double memUsed = later.memTotalBytes() == 0 ? 0 : 100.0 * (later.memTotalBytes() - later.memAvailableBytes()) / later.memTotalBytes();
        double some = 0;
        double full = 0;
        if (earlier.memoryPressure().present() && later.memoryPressure().present()) {
            some = clamp(100.0 * (later.memoryPressure().someTotalMicros() - earlier.memoryPressure().someTotalMicros()) / (seconds * 1e6));
            full = clamp(100.0 * (later.memoryPressure().fullTotalMicros() - earlier.memoryPressure().fullTotalMicros()) / (seconds * 1e6));
        }
        return new Rates(later.host(), later.at(), Duration.ofNanos(Math.round(seconds * 1e9)), busy, iowait, perCpu, disks, nets, memUsed,
                some, full);
    }

    private static double percent(long part, long whole) {
        return clamp(100.0 * part / whole);
    }

    private static double clamp(double p) {
        return Math.max(0.0, Math.min(100.0, p));
    }

    /**
     * Every rate as a flat metric name, for {@link AlertRule}s: {@code cpu.busy.percent},
     * {@code cpu.iowait.percent}, {@code cpu.<cpuN>.busy.percent}, {@code memory.used.percent},
     * {@code memory.pressure.some.percent}, {@code memory.pressure.full.percent},
     * {@code disk.<dev>.read.bytes_per_second} (and {@code write.bytes_per_second},
     * {@code reads_per_second}, {@code writes_per_second}, {@code utilization.percent}),
     * {@code net.<iface>.rx.bytes_per_second} (and {@code tx.bytes_per_second},
     * {@code rx.packets_per_second}, {@code tx.packets_per_second}).
     */
    public Map<String, Double> metrics() {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("cpu.busy.percent", cpuBusyPercent);
        m.put("cpu.iowait.percent", cpuIowaitPercent);
        cpuBusyPercentByCpu.forEach((cpu, v) -> m.put("cpu." + cpu + ".busy.percent", v));
        m.put("memory.used.percent", memoryUsedPercent);
        m.put("memory.pressure.some.percent", memoryPressureSomePercent);
        m.put("memory.pressure.full.percent", memoryPressureFullPercent);
        new TreeMap<>(disks).forEach((d, r) -> {
            m.put("disk." + d + ".read.bytes_per_second", r.readBytesPerSecond());
            m.put("disk." + d + ".write.bytes_per_second", r.writeBytesPerSecond());
            m.put("disk." + d + ".reads_per_second", r.readsPerSecond());
            m.put("disk." + d + ".writes_per_second", r.writesPerSecond());
            m.put("disk." + d + ".utilization.percent", r.utilizationPercent());
        });
        new TreeMap<>(networks).forEach((n, r) -> {
            m.put("net." + n + ".rx.bytes_per_second", r.rxBytesPerSecond());
            m.put("net." + n + ".tx.bytes_per_second", r.txBytesPerSecond());
            m.put("net." + n + ".rx.packets_per_second", r.rxPacketsPerSecond());
            m.put("net." + n + ".tx.packets_per_second", r.txPacketsPerSecond());
        });
        return m;
    }
}
