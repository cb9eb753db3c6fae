package dev.ops.sys.facts;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What {@link Facts#gather()} found on one host, all parsed from /proc, /sys and /etc files.
 *
 * @param host the host's name in ops
 * @param gatheredAt when the facts were read (the caller's clock)
 * @param os /etc/os-release
 * @param kernel the running kernel, its architecture and command line
 * @param cpus the processors
 * @param memory memory and swap totals
 * @param swapDevices /proc/swaps
 * @param blockDevices /sys/block
 * @param mounts /proc/self/mountinfo
 * @param filesystems space per mount point (statvfs through {@code df -P -B1})
 * @param load /proc/loadavg
 * @param uptime /proc/uptime
 * @param hostname the kernel's host name
 * @param domainName the kernel's NIS domain name ({@code (none)} when unset)
 * @param timeZone the zone /etc/localtime links to, else /etc/timezone; empty when neither says
 * @param machineId /etc/machine-id, empty when absent
 */
public record HostFacts(String host, Instant gatheredAt, OsRelease os, Kernel kernel, Cpus cpus, Memory memory,
        List<SwapDevice> swapDevices, List<BlockDevice> blockDevices, List<Mount> mounts, List<FilesystemUsage> filesystems,
        LoadAverage load, Duration uptime, String hostname, String domainName, String timeZone, String machineId) {

    public HostFacts {
        swapDevices = List.copyOf(swapDevices);
        blockDevices = List.copyOf(blockDevices);
        mounts = List.copyOf(mounts);
        filesystems = List.copyOf(filesystems);
    }

    /** The mount at that mount point (the topmost, when several are stacked there). */
    public Optional<Mount> mount(String mountPoint) {
        Mount found = null;
        for (Mount m : mounts) {
            if (m.mountPoint().equals(mountPoint)) {
                found = m;
            }
        }
        return Optional.ofNullable(found);
    }

    /** Space on the filesystem mounted at that mount point. */
    public Optional<FilesystemUsage> usage(String mountPoint) {
        FilesystemUsage found = null;
        for (FilesystemUsage u : filesystems) {
            if (u.mountPoint().equals(mountPoint)) {
                found = u;
            }
        }
        return Optional.ofNullable(found);
    }
}
