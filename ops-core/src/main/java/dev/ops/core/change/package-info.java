/** The change model: {@link dev.ops.core.change.Change}, plans, steps, actions, applies and rollbacks. */
package dev.ops.core.change;
