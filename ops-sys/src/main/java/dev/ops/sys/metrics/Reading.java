package dev.ops.sys.metrics;

import java.time.Instant;
import java.util.Map;

/**
 * One reading of a host's counters, taken by one command. Two readings make {@link Rates}.
 *
 * @param host the host's name
 * @param at when it was taken (the caller's clock)
 * @param uptimeSeconds /proc/uptime at the time, the host's own monotonic clock
 * @param cpu the aggregate {@code cpu} line of /proc/stat
 * @param cpus the per-CPU lines by name ({@code cpu0}...)
 * @param disks /proc/diskstats by device
 * @param networks /proc/net/dev by interface
 * @param memTotalBytes MemTotal
 * @param memAvailableBytes MemAvailable
 * @param memoryPressure /proc/pressure/memory, {@link Pressure#ABSENT} where the kernel lacks it
 */
public record Reading(String host, Instant at, double uptimeSeconds, CpuTimes cpu, Map<String, CpuTimes> cpus, Map<String, DiskCounters> disks,
        Map<String, NetCounters> networks, long memTotalBytes, long memAvailableBytes, Pressure memoryPressure) {

    public Reading {
        cpus = Map.copyOf(cpus);
        disks = Map.copyOf(disks);
        networks = Map.copyOf(networks);
    }
}
