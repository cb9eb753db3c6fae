/** The typed exception tree of ops, rooted at {@link dev.ops.core.error.OpsException}. */
package dev.ops.core.error;
