package dev.ops.proxmox.task;

import java.time.Duration;

/** Monotonic time and sleeping, injectable so that tests of waiting and retries never sleep. */
public interface TimeSource {

    /** A monotonic reading in nanoseconds, as {@link System#nanoTime()}. */
    long nanoTime();

    /** Sleeps for {@code duration}; throws when interrupted. */
    void sleep(Duration duration) throws InterruptedException;

    /** The real clock and {@link Thread#sleep}. */
    static TimeSource system() {
        return new TimeSource() {
            @Override
            public long nanoTime() {
                return System.nanoTime();
            }

            @Override
            public void sleep(Duration duration) throws InterruptedException {
                if (!duration.isNegative() && !duration.isZero()) {
                    Thread.sleep(duration);
                }
            }
        };
    }
}
