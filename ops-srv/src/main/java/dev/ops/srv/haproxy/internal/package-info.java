/** HAProxy runtime changes and their actions; not API. */
package dev.ops.srv.haproxy.internal;
