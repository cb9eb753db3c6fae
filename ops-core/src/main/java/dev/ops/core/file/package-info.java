/** Managed files and text diffs. */
package dev.ops.core.file;
