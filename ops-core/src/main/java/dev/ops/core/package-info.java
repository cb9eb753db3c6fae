/** The runtime context of ops: {@link dev.ops.core.Ops}. */
package dev.ops.core;
