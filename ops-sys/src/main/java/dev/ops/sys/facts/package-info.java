/** Host facts read from /proc, /sys and /etc in one round trip: {@link dev.ops.sys.facts.Facts}. */
package dev.ops.sys.facts;
