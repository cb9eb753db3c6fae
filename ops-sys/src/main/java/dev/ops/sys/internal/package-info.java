/**
 * What the ops-sys features that edit files share (identity, sysctl): byte-exact text and writes
 * that keep a file's mode, owner and group. Candidates for ops-core.
 */
package dev.ops.sys.internal;
