package dev.ops.sys.metrics;

/**
 * One line of /proc/diskstats.
 *
 * @param device the kernel name
 * @param readsCompleted reads completed
 * @param sectorsRead 512-byte sectors read
 * @param writesCompleted writes completed
 * @param sectorsWritten 512-byte sectors written
 * @param ioMillis milliseconds spent doing I/O
 */
public record DiskCounters(String device, long readsCompleted, long sectorsRead, long writesCompleted, long sectorsWritten, long ioMillis) {}
