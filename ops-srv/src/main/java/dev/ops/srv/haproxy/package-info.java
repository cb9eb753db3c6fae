/**
 * HAProxy's runtime API over its UNIX socket: server stats, and drain, ready, maint and weight as
 * changes with rollback, refusing to take the last healthy server of a backend out of traffic:
 * {@link dev.ops.srv.haproxy.HaproxyRuntime}.
 */
@OpsStyle
package dev.ops.srv.haproxy;

import dev.ops.core.value.OpsStyle;
