package dev.ops.gpu.pci;

/**
 * A range of physical memory as {@code /proc/iomem} lists it, both ends included.
 *
 * @param start the first address
 * @param end the last address
 */
public record MemoryRange(long start, long end) {}
