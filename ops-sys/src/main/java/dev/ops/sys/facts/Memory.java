package dev.ops.sys.facts;

import java.util.Map;

/**
 * Memory and swap from /proc/meminfo, in bytes.
 *
 * @param totalBytes MemTotal
 * @param freeBytes MemFree
 * @param availableBytes MemAvailable (what can be had without swapping; MemFree on old kernels)
 * @param buffersBytes Buffers
 * @param cachedBytes Cached
 * @param swapTotalBytes SwapTotal
 * @param swapFreeBytes SwapFree
 * @param fields every field of /proc/meminfo (kB fields in bytes)
 */
public record Memory(long totalBytes, long freeBytes, long availableBytes, long buffersBytes, long cachedBytes, long swapTotalBytes,
        long swapFreeBytes, Map<String, Long> fields) {

    public Memory {
        fields = Map.copyOf(fields);
    }

    /** Creates the value from parsed /proc/meminfo fields. */
    public static Memory of(Map<String, Long> fields) {
        long free = fields.getOrDefault("MemFree", 0L);
        return new Memory(fields.getOrDefault("MemTotal", 0L), free, fields.getOrDefault("MemAvailable", free),
                fields.getOrDefault("Buffers", 0L), fields.getOrDefault("Cached", 0L), fields.getOrDefault("SwapTotal", 0L),
                fields.getOrDefault("SwapFree", 0L), fields);
    }

    /** Memory in use (total minus available) as a percentage of the total. */
    public double usedPercent() {
        return totalBytes == 0 ? 0.0 : 100.0 * (totalBytes - availableBytes) / totalBytes;
    }
}
