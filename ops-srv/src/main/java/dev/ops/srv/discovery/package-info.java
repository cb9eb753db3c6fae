/**
 * Service discovery: a registry of service instances (name, address, port, tags, health) in the
 * state store, updated by health checks, with watches; a dnsmasq hosts file and HAProxy backends
 * rendered from it, so that a new healthy instance joins the name and the load balancer without a
 * hand edit: {@link dev.ops.srv.discovery.ServiceRegistry}, {@link dev.ops.srv.discovery.DiscoverySync}.
 */
@OpsStyle
package dev.ops.srv.discovery;

import dev.ops.core.value.OpsStyle;
