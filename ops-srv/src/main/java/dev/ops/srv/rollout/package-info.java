/**
 * Rollouts behind HAProxy: rolling (batch size, maximum unavailable), blue-green (switch, the old
 * side kept for rollback) and canary (weight steps, pauses, analysis by health checks and by the
 * error rate HAProxy's stats report), each one change whose plan lists its stages with health
 * gates between them and which rolls back by itself when a gate fails:
 * {@link dev.ops.srv.rollout.Rollouts}.
 */
@OpsStyle
package dev.ops.srv.rollout;

import dev.ops.core.value.OpsStyle;
