/** Parsers of /proc/PID files. */
package dev.ops.sys.process.internal;
