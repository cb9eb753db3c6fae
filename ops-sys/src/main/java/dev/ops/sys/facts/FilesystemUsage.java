package dev.ops.sys.facts;

/**
 * Space on one mounted filesystem, as statvfs reports it (through {@code df -P -B1}).
 *
 * @param mountPoint where the filesystem is mounted
 * @param source the device or pseudo source
 * @param totalBytes the size
 * @param usedBytes bytes in use
 * @param availableBytes bytes available to unprivileged users
 */
public record FilesystemUsage(String mountPoint, String source, long totalBytes, long usedBytes, long availableBytes) {

    /** Used space as a percentage of what users can have (used + available), as df computes it; 0 for an empty filesystem. */
    public double usedPercent() {
        long denominator = usedBytes + availableBytes;
        return denominator == 0 ? 0.0 : 100.0 * usedBytes / denominator;
    }
}
