/**
 * Health checks of the kinds real tools offer (HTTP status and body, TCP connect, a command, a
 * systemd unit's state) with initial delay, period, timeout and thresholds, run by a
 * {@link dev.ops.srv.health.HealthMonitor} that reports events to listeners.
 */
@OpsStyle
package dev.ops.srv.health;

import dev.ops.core.value.OpsStyle;
