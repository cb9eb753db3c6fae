/** What ops-net registers with ops-core. */
package dev.ops.net.internal;
