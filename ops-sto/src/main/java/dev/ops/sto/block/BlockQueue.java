package dev.ops.sto.block;

import java.util.List;
import java.util.Objects;

/**
 * A block device's queue settings, from {@code /sys/block/<device>/queue}.
 *
 * @param device the kernel name, e.g. {@code sda} or {@code nvme0n1}
 * @param scheduler the active I/O scheduler (the bracketed one), e.g. {@code mq-deadline}
 * @param schedulers every scheduler the device offers
 * @param readAheadKb read-ahead in KiB
 */
public record BlockQueue(String device, String scheduler, List<String> schedulers, long readAheadKb) {

    public BlockQueue {
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(scheduler, "scheduler");
        schedulers = List.copyOf(schedulers);
    }
}
