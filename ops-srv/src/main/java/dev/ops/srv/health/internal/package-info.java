/** How probes talk to their targets; not API. */
package dev.ops.srv.health.internal;
