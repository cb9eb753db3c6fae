/** Rollout changes, their stages and health gates; not API. */
package dev.ops.srv.rollout.internal;
