package dev.ops.pve.testing;

import dev.ops.proxmox.task.TimeSource;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/** A time source whose sleeps advance a virtual clock at once, recording each pause. */
public final class FakeTime implements TimeSource {
    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    public final List<Duration> sleeps = new CopyOnWriteArrayList<>();

    @Override
    public long nanoTime() {
        return nanos.get();
    }

    @Override
    public void sleep(Duration duration) {
        sleeps.add(duration);
        nanos.addAndGet(duration.toNanos());
    }

    /** Moves the clock forward without a sleep. */
    public void advance(Duration d) {
        nanos.addAndGet(d.toNanos());
    }

    public Duration elapsedSinceStart() {
        return Duration.ofNanos(nanos.get() - 1_000_000_000L);
    }
}
