/** The change behind {@link dev.ops.core.file.ManagedFile}. */
package dev.ops.core.file.internal;
