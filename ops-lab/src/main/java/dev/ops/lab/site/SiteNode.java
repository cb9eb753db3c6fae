package dev.ops.lab.site;

import dev.ops.net.ipam.NodeSubnet;
import java.util.Objects;

/**
 * A cluster node as the site knows it: its name and its subnet with the VM and container ranges.
 *
 * @param name the node's name in the cluster
 * @param subnet the node's guest subnet, gateway and ranges
 * @param primary whether templates are made here (the primary template node)
 */
public record SiteNode(String name, NodeSubnet subnet, boolean primary) {
    public SiteNode {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(subnet, "subnet");
    }
}
