package dev.ops.sys.metrics;

/**
 * CPU time counters of one {@code cpu} line of /proc/stat, in clock ticks since boot.
 *
 * @param user time in user mode
 * @param nice time in user mode at low priority
 * @param system time in kernel mode
 * @param idle idle time
 * @param iowait idle time waiting for I/O
 * @param irq time servicing interrupts
 * @param softirq time servicing soft interrupts
 * @param steal time stolen by the hypervisor
 */
public record CpuTimes(long user, long nice, long system, long idle, long iowait, long irq, long softirq, long steal) {

    /** All ticks (guest time is already inside user and nice). */
    public long total() {
        return user + nice + system + idle + iowait + irq + softirq + steal;
    }

    /** Ticks spent doing something (neither idle nor waiting for I/O). */
    public long busy() {
        return total() - idle - iowait;
    }
}
