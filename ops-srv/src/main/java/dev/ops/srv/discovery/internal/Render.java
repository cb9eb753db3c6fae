package dev.ops.srv.discovery.internal;

import dev.ops.srv.discovery.ServiceInstance;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The texts rendered from the registry: deterministic (sorted), so that an unchanged registry plans nothing. */
public final class Render {
    private Render() {}

    /** dnsmasq's hosts file: each healthy instance under its service's name and its own. */
    public static String hosts(List<ServiceInstance> instances, String domain) {
        StringBuilder out = new StringBuilder("# written by ops-srv from the service registry; edits are overwritten\n");
        instances.stream().filter(ServiceInstance::healthy).sorted(Comparator.comparing(ServiceInstance::service).thenComparing(ServiceInstance::id))
                .forEach(i -> out.append(i.address()).append(' ').append(i.service()).append('.').append(domain).append(' ').append(i.id())
                        .append('.').append(i.service()).append('.').append(domain).append('\n'));
        return out.toString();
    }

    /** An nginx upstream block: each healthy instance of {@code service}, by id; a {@code down} placeholder when there is none. */
    public static String nginxUpstream(List<ServiceInstance> instances, String service, String upstream, String options) {
        StringBuilder out = new StringBuilder("# written by ops-srv from the service registry; edits are overwritten\nupstream ")
                .append(upstream).append(" {\n");
        List<ServiceInstance> healthy = instances.stream().filter(i -> i.service().equals(service) && i.healthy())
                .sorted(Comparator.comparing(ServiceInstance::id)).toList();
        healthy.forEach(i -> out.append("    server ").append(i.address().contains(":") ? "[" + i.address() + "]" : i.address()).append(':')
                .append(i.port()).append(options.isBlank() ? "" : " " + options.strip()).append(";\n"));
        if (healthy.isEmpty()) {
            out.append("    server 127.0.0.1:1 down;  # no healthy instance of ").append(service).append('\n');
        }
        return out.append("}\n").toString();
    }

    /** The server lines of a backend: each healthy instance of {@code service}, by id. */
    public static List<String> servers(List<ServiceInstance> instances, String service, String options) {
        List<String> lines = new ArrayList<>();
        instances.stream().filter(i -> i.service().equals(service) && i.healthy()).sorted(Comparator.comparing(ServiceInstance::id))
                .forEach(i -> lines.add("server " + i.id() + " " + (i.address().contains(":") ? "[" + i.address() + "]" : i.address()) + ":"
                        + i.port() + (options.isBlank() ? "" : " " + options.strip())));
        return lines;
    }
}
