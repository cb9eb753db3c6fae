/** Parsers of /proc counter files. */
package dev.ops.sys.metrics.internal;
