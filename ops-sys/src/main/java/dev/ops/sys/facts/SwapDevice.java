package dev.ops.sys.facts;

/**
 * One line of /proc/swaps.
 *
 * @param path the swap file or partition
 * @param type {@code partition} or {@code file}
 * @param sizeBytes its size
 * @param usedBytes how much is used
 * @param priority its priority
 */
public record SwapDevice(String path, String type, long sizeBytes, long usedBytes, int priority) {}
