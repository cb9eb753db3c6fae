package dev.ops.gpu.pci;

/**
 * One memory or I/O region of a PCI function, from its sysfs {@code resource} file.
 *
 * @param index the BAR number (0 to 5), 6 for the expansion ROM
 * @param start the first address
 * @param end the last address
 * @param flags the kernel's resource flags
 */
public record PciBar(int index, long start, long end, long flags) {

    /** Whether the region holds {@code address}. */
    public boolean contains(long address) {
        return Long.compareUnsigned(address, start) >= 0 && Long.compareUnsigned(address, end) <= 0;
    }

    /** Whether the region overlaps {@code [from, to]}. */
    public boolean overlaps(long from, long to) {
        return Long.compareUnsigned(from, end) <= 0 && Long.compareUnsigned(to, start) >= 0;
    }
}
