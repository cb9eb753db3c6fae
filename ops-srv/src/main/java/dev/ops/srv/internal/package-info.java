/** Module-wide registrations of ops-srv; not API. */
package dev.ops.srv.internal;
