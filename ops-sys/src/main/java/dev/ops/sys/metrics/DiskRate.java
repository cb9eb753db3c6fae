package dev.ops.sys.metrics;

/**
 * Throughput of one block device between two readings.
 *
 * @param readBytesPerSecond bytes read per second
 * @param writeBytesPerSecond bytes written per second
 * @param readsPerSecond reads completed per second
 * @param writesPerSecond writes completed per second
 * @param utilizationPercent share of the interval the device was busy
 */
public record DiskRate(double readBytesPerSecond, double writeBytesPerSecond, double readsPerSecond, double writesPerSecond,
        double utilizationPercent) {}
