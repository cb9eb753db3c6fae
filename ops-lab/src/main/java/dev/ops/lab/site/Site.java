package dev.ops.lab.site;

import dev.ops.lab.site.internal.SiteLoader;
import dev.ops.net.ipam.IpamConfig;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A lab's site, loaded from a directory of YAML files (every {@code .yml}/{@code .yaml} file in it;
 * each top-level key is a section, and {@code naming-conventions.yml} and {@code action-policies.yml}
 * are whole-file sections). Loading checks everything and lists every problem at once, each with
 * its file, line and field, in one {@link dev.ops.core.error.ValidationException}. See
 * {@code docs/lab.md} for the sections.
 *
 * <pre>{@code
 * Site site = Site.load(Path.of("cfg/env/site1"));
 * site.primaryNode();                 // "pve1"
 * site.naming().convention().format("pve2", "vm", 3);   // pve-pve2-vm-03
 * }</pre>
 *
 * @param name the site's name
 * @param endpoint the Proxmox API and its credentials, by reference
 * @param secrets where secrets come from
 * @param nodes the cluster's nodes with their subnets, in file order
 * @param naming the naming convention
 * @param storages storage ids by role ({@code vm}, {@code backup}, {@code images}, ...)
 * @param templates the templates the site keeps
 * @param guests the guests layer L2 makes from them
 * @param hosts the hosts it converges
 * @param services the services it runs
 * @param retention snapshot and backup retention
 * @param replication replication across nodes
 * @param policies the action policies
 * @param sources the file each section came from
 * @param locations where each entry of the templates, guests, hosts and services sections is
 *     ({@code guests.web} to {@code inventory.yml:23})
 */
public record Site(String name, ProxmoxEndpoint endpoint, SecretSettings secrets, List<SiteNode> nodes, Naming naming,
        Map<String, String> storages, List<SiteTemplate> templates, List<SiteGuest> guests, List<SiteHost> hosts, List<SiteService> services,
        RetentionSettings retention, ReplicationSettings replication, ActionPolicies policies, Map<String, String> sources,
        Map<String, String> locations) {

    public Site {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(secrets, "secrets");
        nodes = List.copyOf(nodes);
        Objects.requireNonNull(naming, "naming");
        storages = Map.copyOf(storages);
        templates = List.copyOf(templates);
        guests = List.copyOf(guests);
        hosts = List.copyOf(hosts);
        services = List.copyOf(services);
        Objects.requireNonNull(retention, "retention");
        Objects.requireNonNull(replication, "replication");
        Objects.requireNonNull(policies, "policies");
        sources = Map.copyOf(sources);
        locations = Map.copyOf(locations);
    }

    /**
     * Loads and checks the site in {@code dir}: a {@link dev.ops.core.error.ValidationException}
     * listing every problem (field {@code file:line section.key}), a
     * {@link dev.ops.core.error.NotFoundException} when the directory does not exist.
     */
    public static Site load(Path dir) {
        return SiteLoader.load(dir);
    }

    /** The primary template node. */
    public String primaryNode() {
        return nodes.stream().filter(SiteNode::primary).findFirst().map(SiteNode::name).orElseThrow();
    }

    /** The node named {@code name}. */
    public Optional<SiteNode> node(String name) {
        return nodes.stream().filter(n -> n.name().equals(name)).findFirst();
    }

    /** The names of the nodes, in file order. */
    public List<String> nodeNames() {
        return nodes.stream().map(SiteNode::name).toList();
    }

    /** The template named {@code name}. */
    public Optional<SiteTemplate> template(String name) {
        return templates.stream().filter(t -> t.name().equals(name)).findFirst();
    }

    /** The storage id of a role ({@code vm}, {@code backup}, ...); the role itself when the site maps none. */
    public String storage(String role) {
        return storages.getOrDefault(role, role);
    }

    /** Every node's subnet as ops-net's allocator takes it. */
    public IpamConfig ipam() {
        return new IpamConfig(nodes.stream().map(SiteNode::subnet).toList());
    }

    /**
     * {@code field} ({@code guests.web}) as errors found after loading name it: with its file and line
     * ({@code inventory.yml:23 guests.web}) when it is an entry the site gives, as it is otherwise.
     */
    public String locate(String field) {
        String at = locations.get(field);
        return at == null ? field : at + " " + field;
    }

    /** The file a section came from, e.g. {@code sourceOf("policies")} is {@code action-policies.yml}. */
    public Optional<String> sourceOf(String section) {
        return Optional.ofNullable(sources.get(section));
    }
}
