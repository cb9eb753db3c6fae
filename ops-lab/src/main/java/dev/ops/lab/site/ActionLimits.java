package dev.ops.lab.site;

/**
 * The seed's {@code action_limits} in {@code action-policies.yml}: how often automatic actions may be
 * repeated. ops-lab reads and checks them and hands them to whatever heals the lab's services; it
 * does not restart or rebuild by itself.
 *
 * @param maxRestartAttempts restarts of one resource before a person is asked
 * @param maxRebuildAttempts rebuilds of one resource before a person is asked
 * @param restartCooldownMinutes the wait between two restarts of one resource
 * @param alertStormThreshold alerts per minute above which alerts are batched
 */
public record ActionLimits(int maxRestartAttempts, int maxRebuildAttempts, int restartCooldownMinutes, int alertStormThreshold) {
    /** The values the seed's configuration guide ships. */
    public static ActionLimits seed() {
        return new ActionLimits(3, 1, 5, 20);
    }
}
