package dev.ops.srv.health;

/** Told of every probe result of a {@link HealthMonitor}; runs on the monitor's thread, so it must not block. */
@FunctionalInterface
public interface HealthListener {

    /** One probe finished; {@link HealthEvent#changed()} says whether the status moved. */
    void onEvent(HealthEvent event);
}
