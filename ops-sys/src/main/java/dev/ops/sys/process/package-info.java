/** Processes read from /proc, found by name or user, and signalled with typed results: {@link dev.ops.sys.process.Processes}. */
package dev.ops.sys.process;
