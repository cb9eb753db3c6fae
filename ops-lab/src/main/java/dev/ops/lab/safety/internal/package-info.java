/** The changes behind {@link dev.ops.lab.safety.SafetySnapshots}: the retention of safety snapshots. */
package dev.ops.lab.safety.internal;
