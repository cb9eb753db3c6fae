/** The facts script and the parsers of /proc, /sys and /etc files. */
package dev.ops.sys.facts.internal;
